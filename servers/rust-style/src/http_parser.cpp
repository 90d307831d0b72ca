#include "http_parser.hpp"

#include <charconv>
#include <optional>

#include "contract/limits.hpp"
#include "http_chars.hpp"

namespace apibench::rust_style {
namespace {

using namespace http_chars;

constexpr HeadResult bad_request() noexcept { return {ParseStatus::error, 400}; }
constexpr HeadResult too_large() noexcept { return {ParseStatus::error, 431}; }

bool parse_request_line(std::string_view line, RequestHead& head) noexcept {
  const auto sp1 = line.find(' ');
  if (sp1 == std::string_view::npos || sp1 == 0) return false;
  const auto sp2 = line.find(' ', sp1 + 1);
  if (sp2 == std::string_view::npos || sp2 == sp1 + 1) return false;
  head.method = line.substr(0, sp1);
  head.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
  const std::string_view version = line.substr(sp2 + 1);
  for (char c : head.method) {
    if (!is_token(c)) return false;
  }
  for (char c : head.target) {
    if (!is_field_char(c) || c == ' ' || c == '\t') return false;
  }
  if (head.target.front() != '/' && head.target != "*") return false;  // origin-form only
  if (version == "HTTP/1.1") {
    head.http10 = false;
  } else if (version == "HTTP/1.0") {
    head.http10 = true;
  } else {
    return false;
  }
  return true;
}

std::optional<std::uint64_t> parse_content_length(std::string_view v) noexcept {
  if (v.empty() || v.size() > 19) return std::nullopt;  // 19 digits always fit in 64 bits
  std::uint64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (ec != std::errc{} || end != v.data() + v.size()) return std::nullopt;
  return n;
}

// Connection: a comma-separated token list; "close" and "keep-alive" matter.
void apply_connection_tokens(std::string_view value, RequestHead& head) noexcept {
  while (!value.empty()) {
    const auto comma = value.find(',');
    const std::string_view token = trim_ows(value.substr(0, comma));
    if (iequals(token, "close")) head.keep_alive = false;
    if (iequals(token, "keep-alive") && head.http10) head.keep_alive = true;
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

struct HeaderSeen {
  bool content_length = false;
  bool transfer_encoding = false;
  bool connection_close = false;
};

// Applies what the server acts on; false for a framing header it must refuse.
bool apply_header(const Header& h, RequestHead& head, HeaderSeen& seen) noexcept {
  if (iequals(h.name, "content-length")) {
    const auto n = parse_content_length(h.value);
    if (!n || seen.content_length) return false;  // malformed, or given twice
    seen.content_length = true;
    head.content_length = *n;
  } else if (iequals(h.name, "transfer-encoding")) {
    if (!iequals(h.value, "chunked") || seen.transfer_encoding) return false;
    seen.transfer_encoding = true;
  } else if (iequals(h.name, "connection")) {
    apply_connection_tokens(h.value, head);
  } else if (iequals(h.name, "expect")) {
    head.expect_continue = iequals(h.value, "100-continue") && !head.http10;
  } else if (iequals(h.name, "content-type") && head.content_type.empty()) {
    head.content_type = h.value;
  }
  return true;
}

enum class HeaderLine : std::uint8_t { ok, malformed };

HeaderLine split_header(std::string_view line, Header& out) noexcept {
  if (is_ows(line.front())) return HeaderLine::malformed;  // obs-fold
  const auto colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return HeaderLine::malformed;
  out.name = line.substr(0, colon);
  for (char c : out.name) {
    if (!is_token(c)) return HeaderLine::malformed;  // includes whitespace before ':'
  }
  out.value = trim_ows(line.substr(colon + 1));
  for (char c : out.value) {
    if (!is_field_char(c)) return HeaderLine::malformed;
  }
  return HeaderLine::ok;
}

void reset(RequestHead& head) noexcept {
  head.http10 = false;
  head.header_count = 0;
  head.framing = BodyFraming::none;
  head.content_length = 0;
  head.content_type = {};
  head.keep_alive = true;
  head.expect_continue = false;
  head.size = 0;
}

}  // namespace

bool iequals(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto x = static_cast<unsigned char>(a[i]);
    const auto y = static_cast<unsigned char>(b[i]);
    if (x != y && ((x | 0x20) != (y | 0x20) || (x | 0x20) < 'a' || (x | 0x20) > 'z')) return false;
  }
  return true;
}

HeadResult parse_head(std::string_view input, RequestHead& head) noexcept {
  reset(head);
  const std::string_view window = input.substr(0, contract::kMaxHeaderBytes);
  Line line;
  switch (next_line(window, 0, line)) {
    case LineStatus::incomplete:
      return input.size() > contract::kMaxHeaderBytes ? too_large() : HeadResult{};
    case LineStatus::bare_lf: return bad_request();
    case LineStatus::ok: break;
  }
  if (!parse_request_line(line.text, head)) return bad_request();
  head.keep_alive = !head.http10;
  HeaderSeen seen;
  for (std::size_t pos = line.next;;) {
    switch (next_line(window, pos, line)) {
      case LineStatus::incomplete:
        return input.size() > contract::kMaxHeaderBytes ? too_large() : HeadResult{};
      case LineStatus::bare_lf: return bad_request();
      case LineStatus::ok: break;
    }
    pos = line.next;
    if (line.text.empty()) {
      head.size = pos;
      break;
    }
    if (head.header_count == kMaxHeaders) return too_large();
    Header& h = head.headers[head.header_count++];
    if (split_header(line.text, h) != HeaderLine::ok || !apply_header(h, head, seen)) return bad_request();
  }
  if (seen.content_length && seen.transfer_encoding) return bad_request();  // request smuggling
  if (seen.transfer_encoding) head.framing = BodyFraming::chunked;
  if (seen.content_length) head.framing = BodyFraming::length;
  return {ParseStatus::complete, 0};
}

}  // namespace apibench::rust_style
