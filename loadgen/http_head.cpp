#include "loadgen/http_head.hpp"

#include <charconv>

namespace apibench::loadgen {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool contains_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (equals_ignore_case(trim(list.substr(0, comma)), token)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

bool last_token_is(std::string_view list, std::string_view token) {
  const auto comma = list.rfind(',');
  return equals_ignore_case(trim(comma == std::string_view::npos ? list : list.substr(comma + 1)), token);
}

// "HTTP/1.1 200 OK": version, one space, three digits, then a space or the end.
bool parse_status_line(std::string_view line, HeadFields& fields) {
  if (line.size() < 12 || line.substr(0, 7) != "HTTP/1." || line[8] != ' ') return false;
  if (line[7] != '0' && line[7] != '1') return false;
  if (line.size() > 12 && line[12] != ' ') return false;
  const auto code = line.substr(9, 3);
  const auto [end, ec] = std::from_chars(code.data(), code.data() + 3, fields.status);
  if (ec != std::errc() || end != code.data() + 3 || fields.status < 100 || fields.status > 599) return false;
  fields.http10 = line[7] == '0';
  return true;
}

bool parse_header(std::string_view line, HeadFields& fields) {
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const auto name = line.substr(0, colon);
  const auto value = trim(line.substr(colon + 1));
  if (equals_ignore_case(name, "content-length")) {
    std::uint64_t length = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (value.empty() || ec != std::errc() || end != value.data() + value.size()) return false;
    if (fields.content_length && *fields.content_length != length) return false;  // conflicting framing
    fields.content_length = length;
  } else if (equals_ignore_case(name, "transfer-encoding")) {
    fields.chunked = last_token_is(value, "chunked");
  } else if (equals_ignore_case(name, "connection")) {
    fields.close = fields.close || contains_token(value, "close");
    fields.keep_alive = fields.keep_alive || contains_token(value, "keep-alive");
  }
  return true;
}

}  // namespace

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::optional<HeadFields> parse_head_fields(std::string_view head) {
  HeadFields fields;
  auto line_end = head.find("\r\n");
  if (line_end == std::string_view::npos || !parse_status_line(head.substr(0, line_end), fields)) return std::nullopt;
  head.remove_prefix(line_end + 2);
  while ((line_end = head.find("\r\n")) != 0) {
    if (line_end == std::string_view::npos || !parse_header(head.substr(0, line_end), fields)) return std::nullopt;
    head.remove_prefix(line_end + 2);
  }
  return fields;
}

}  // namespace apibench::loadgen
