#include "loadgen/request_builder.hpp"

#include "loadgen/http_head.hpp"

namespace apibench::loadgen {
namespace {

bool has_header(const std::vector<std::string>& headers, std::string_view name) {
  for (const auto& header : headers) {
    const auto colon = header.find(':');
    if (colon != std::string::npos && equals_ignore_case(std::string_view(header).substr(0, colon), name)) return true;
  }
  return false;
}

}  // namespace

std::string build_request(const RequestParts& parts) {
  std::string raw = parts.method + " " + parts.target + " HTTP/1.1\r\n";
  if (!has_header(parts.headers, "host")) raw += "Host: " + parts.host_header + "\r\n";
  for (const auto& header : parts.headers) raw += header + "\r\n";
  if (!parts.body.empty() && !has_header(parts.headers, "content-length")) {
    raw += "Content-Length: " + std::to_string(parts.body.size()) + "\r\n";
  }
  raw += "\r\n";
  raw += parts.body;
  return raw;
}

}  // namespace apibench::loadgen
