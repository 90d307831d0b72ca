#include "http/head_check.hpp"

namespace gohttp {
namespace {

bool is_forbidden_control(unsigned char c) noexcept {
  return (c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7f;
}

}  // namespace

bool head_bytes_acceptable(std::string_view bytes) noexcept {
  if (auto end = bytes.find("\r\n\r\n"); end != std::string_view::npos) bytes = bytes.substr(0, end + 4);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    const bool has_next = i + 1 < bytes.size();
    if (c == '\n') {
      if (i == 0 || bytes[i - 1] != '\r') return false;                                   // bare LF
      if (has_next && (bytes[i + 1] == ' ' || bytes[i + 1] == '\t')) return false;  // obs-fold
    } else if (c == '\r') {
      if (has_next && bytes[i + 1] != '\n') return false;  // bare CR
    } else if (is_forbidden_control(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

}  // namespace gohttp
