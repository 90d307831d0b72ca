#pragma once
// Character classes of RFC 9110/9112, shared by the head and body parsers.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace apibench::rust_style::http_chars {

constexpr bool is_token(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  if (u >= '0' && u <= '9') return true;
  if ((u | 0x20) >= 'a' && (u | 0x20) <= 'z') return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// field-vchar, SP or HTAB: anything but control bytes and DEL.
constexpr bool is_field_char(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u == '\t' || (u >= 0x20 && u != 0x7f);
}

constexpr bool is_ows(char c) noexcept { return c == ' ' || c == '\t'; }

constexpr std::string_view trim_ows(std::string_view s) noexcept {
  while (!s.empty() && is_ows(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ows(s.back())) s.remove_suffix(1);
  return s;
}

constexpr int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The line starting at pos, without its CRLF; nullopt while incomplete.
// A LF without CR before it is reported through bare_lf.
struct Line {
  std::string_view text;
  std::size_t next = 0;  // where the following line starts
};
enum class LineStatus : std::uint8_t { ok, incomplete, bare_lf };
LineStatus next_line(std::string_view input, std::size_t pos, Line& line) noexcept;

}  // namespace apibench::rust_style::http_chars
