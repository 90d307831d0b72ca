#include "http_chars.hpp"

#include <cstring>

namespace apibench::rust_style::http_chars {

LineStatus next_line(std::string_view input, std::size_t pos, Line& line) noexcept {
  const void* lf = std::memchr(input.data() + pos, '\n', input.size() - pos);
  if (lf == nullptr) return LineStatus::incomplete;
  const auto at = static_cast<std::size_t>(static_cast<const char*>(lf) - input.data());
  if (at == pos || input[at - 1] != '\r') return LineStatus::bare_lf;
  line.text = input.substr(pos, at - 1 - pos);
  line.next = at + 1;
  return LineStatus::ok;
}

}  // namespace apibench::rust_style::http_chars
