// Request bodies: Content-Length and chunked framing (RFC 9112 6 and 7.1).
#include <cstring>

#include "http_chars.hpp"
#include "http_parser.hpp"

namespace apibench::rust_style {
namespace {

using namespace http_chars;

// A chunk-size line or trailer line longer than this is refused, and so is
// framing that outweighs the data it carries, so a body cannot grow the read
// buffer without bound.
constexpr std::size_t kMaxFramingLine = 1024;
constexpr std::size_t kFramingAllowance = 64 * 1024;

constexpr BodyResult error(int status) noexcept { return {ParseStatus::error, status, {}, 0, 0}; }
constexpr BodyResult incomplete(std::size_t need) noexcept { return {ParseStatus::incomplete, 0, {}, 0, need}; }

std::size_t skip_ows(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && is_ows(s[i])) ++i;
  return i;
}

std::size_t skip_token(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && is_token(s[i])) ++i;
  return i;
}

// quoted-string starting at s[i] == '"'; npos when it does not close.
std::size_t skip_quoted(std::string_view s, std::size_t i) noexcept {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '"') return i + 1;
    if (s[i] == '\\' && ++i == s.size()) break;
    if (!is_field_char(s[i])) break;
  }
  return std::string_view::npos;
}

// chunk-ext = *( BWS ";" BWS ext-name [ BWS "=" BWS ext-val ] ), ext-val = token / quoted-string.
// Extensions are ignored, but a malformed one is refused: lenient framing is how requests get smuggled.
bool valid_chunk_extensions(std::string_view ext) noexcept {
  std::size_t i = 0;
  while (i < ext.size()) {
    i = skip_ows(ext, i);  // BWS only ever stands before a ';': trailing white space is refused
    if (i == ext.size() || ext[i] != ';') return false;
    std::size_t name_start = skip_ows(ext, i + 1);
    i = skip_token(ext, name_start);
    if (i == name_start) return false;
    if (std::size_t eq = skip_ows(ext, i); eq < ext.size() && ext[eq] == '=') {
      std::size_t value_start = skip_ows(ext, eq + 1);
      i = value_start < ext.size() && ext[value_start] == '"' ? skip_quoted(ext, value_start)
                                                               : skip_token(ext, value_start);
      if (i == std::string_view::npos || i == value_start) return false;
    }
  }
  return true;
}

// chunk-size [ chunk-ext ]: at most 16 hex digits.
bool parse_chunk_size(std::string_view line, std::uint64_t& size) noexcept {
  std::size_t i = 0;
  size = 0;
  for (; i < line.size() && hex_value(line[i]) >= 0; ++i) {
    if (i == 16) return false;
    size = size * 16 + static_cast<std::uint64_t>(hex_value(line[i]));
  }
  return i > 0 && valid_chunk_extensions(line.substr(i));
}

// Trailer fields: checked like header lines, then dropped.
bool valid_trailer(std::string_view line) noexcept {
  const auto colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || is_ows(line.front())) return false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i < colon ? !is_token(line[i]) : !is_field_char(line[i])) return false;
  }
  return true;
}

// Walks the chunked framing; for each chunk's data calls on_data(offset, size).
// Runs twice: once to check the body is whole and valid, then to decode it.
template <typename OnData>
BodyResult scan_chunked(std::string_view input, std::size_t limit, OnData on_data) noexcept {
  std::size_t pos = 0;
  std::uint64_t total = 0;
  Line line;
  auto more = [&](std::size_t line_start) {
    return input.size() - line_start > kMaxFramingLine ? error(400) : incomplete(input.size() + 1);
  };
  for (;;) {
    if (pos - total > kFramingAllowance + limit) return error(413);
    switch (next_line(input, pos, line)) {
      case LineStatus::incomplete: return more(pos);
      case LineStatus::bare_lf: return error(400);
      case LineStatus::ok: break;
    }
    std::uint64_t size = 0;
    if (!parse_chunk_size(line.text, size)) return error(400);
    pos = line.next;
    if (size == 0) break;
    if (size > limit || total + size > limit) return error(413);
    total += size;
    if (input.size() < pos + size + 2) return incomplete(pos + size + 2);
    if (input[pos + size] != '\r' || input[pos + size + 1] != '\n') return error(400);
    on_data(pos, static_cast<std::size_t>(size));
    pos += size + 2;
  }
  for (const std::size_t trailers = pos;;) {  // trailer section, ended by an empty line
    if (pos - trailers > kFramingAllowance) return error(400);
    switch (next_line(input, pos, line)) {
      case LineStatus::incomplete: return more(pos);
      case LineStatus::bare_lf: return error(400);
      case LineStatus::ok: break;
    }
    pos = line.next;
    if (line.text.empty()) break;
    if (!valid_trailer(line.text)) return error(400);
  }
  return {ParseStatus::complete, 0, {}, pos, 0};
}

BodyResult take_chunked(std::span<char> input, std::size_t limit) noexcept {
  const std::string_view text(input.data(), input.size());
  BodyResult checked = scan_chunked(text, limit, [](std::size_t, std::size_t) {});
  if (checked.status != ParseStatus::complete) return checked;
  std::size_t decoded = 0;
  scan_chunked(text, limit, [&](std::size_t offset, std::size_t size) {
    std::memmove(input.data() + decoded, input.data() + offset, size);
    decoded += size;
  });
  checked.body = text.substr(0, decoded);
  return checked;
}

}  // namespace

BodyResult take_body(std::span<char> input, const RequestHead& head, std::size_t limit) noexcept {
  switch (head.framing) {
    case BodyFraming::none: return {ParseStatus::complete, 0, {}, 0, 0};
    case BodyFraming::chunked: return take_chunked(input, limit);
    case BodyFraming::length: break;
  }
  if (head.content_length > limit) return error(413);
  const auto length = static_cast<std::size_t>(head.content_length);
  if (input.size() < length) return incomplete(length);
  return {ParseStatus::complete, 0, std::string_view(input.data(), length), length, 0};
}

}  // namespace apibench::rust_style
