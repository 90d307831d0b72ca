#include "response_writer.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

#include "contract/http_date.hpp"
#include "contract/responses.hpp"
#include "json_writer.hpp"

namespace apibench::rust_style {
namespace {

constexpr std::string_view kServerAndDate = "\r\nServer: apibench-rust-style\r\nDate: ";
static_assert(kServerAndDate.substr(10, kServerName.size()) == kServerName);
// Enough for the status line, Server, Date, Content-Length and Connection.
constexpr std::size_t kHeadRoom = 192;

void append_decimal(std::string& out, std::uint64_t n) {
  char digits[20];
  const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
  out.append(digits, end);
}

}  // namespace

// Plain appends into reserved room: a response head is on every request's
// path, and fmt's general formatting into a string cost more than all of the
// parsing (it resizes, zero-fills and parses the format each time).
void ResponseWriter::head(int status, std::string_view content_type, std::size_t length, std::string_view extra) {
  status_ = status;
  std::string& o = out_.bytes();
  o.reserve(o.size() + kHeadRoom + content_type.size() + extra.size());
  o.append("HTTP/1.1 ");
  append_decimal(o, static_cast<unsigned>(status));
  o.push_back(' ');
  o.append(contract::status_phrase(status));
  o.append(kServerAndDate);
  o.append(contract::http_date_now());
  o.append("\r\n");
  if (status != 204) {  // RFC 9110 8.6: no Content-Length in a 204
    if (!content_type.empty()) {
      o.append("Content-Type: ");
      o.append(content_type);
      o.append("\r\n");
    }
    o.append("Content-Length: ");
    append_decimal(o, length);
    o.append("\r\n");
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
