#include "response_writer.hpp"

#include <fmt/format.h>

#include "contract/http_date.hpp"
#include "contract/responses.hpp"
#include "json_writer.hpp"

namespace apibench::rust_style {

void ResponseWriter::head(int status, std::string_view content_type, std::size_t length, std::string_view extra) {
  status_ = status;
  std::string& o = out_.bytes();
  fmt::format_to(std::back_inserter(o), "HTTP/1.1 {} {}\r\nServer: {}\r\nDate: {}\r\n", status,
                 contract::status_phrase(status), kServerName, contract::http_date_now());
  if (status != 204) {  // RFC 9110 8.6: no Content-Length in a 204
    if (!content_type.empty()) fmt::format_to(std::back_inserter(o), "Content-Type: {}\r\n", content_type);
    fmt::format_to(std::back_inserter(o), "Content-Length: {}\r\n", length);
  }
  o.append(extra);
  if (!framing_.keep_alive) {
    o.append("Connection: close\r\n");
  } else if (framing_.http10) {
    o.append("Connection: keep-alive\r\n");
  }
  o.append("\r\n");
}

void ResponseWriter::send(int status, std::string_view content_type, std::string_view body) {
  head(status, content_type, body.size());
  if (!framing_.head_request) out_.bytes().append(body);
}

void ResponseWriter::send_shared(int status, std::string_view content_type, SharedBytes body) {
  head(status, content_type, body.size());
  if (!framing_.head_request) out_.append_shared(std::move(body));
}

void ResponseWriter::send_empty(int status) { send(status, {}, {}); }

void ResponseWriter::send_error(int status, std::string_view reason, std::string_view allow) {
  scratch_.clear();
  json::append_error(scratch_, reason);
  if (allow.empty()) {
    head(status, contract::kContentTypeJson, scratch_.size());
  } else {
    char line[64];
    const auto end = fmt::format_to_n(line, sizeof line, "Allow: {}\r\n", allow).out;
    head(status, contract::kContentTypeJson, scratch_.size(), std::string_view(line, end));
  }
  if (!framing_.head_request) out_.bytes().append(scratch_);
}

}  // namespace apibench::rust_style
