#pragma once
// UTF-8 checks and encoding for JSON strings (RFC 8259 8.1: text is UTF-8).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace apibench::rust_style::utf8 {

// Length of the valid sequence starting at s[0], or 0 when it is not valid
// UTF-8 (overlong forms, surrogates and code points past U+10FFFF included).
std::size_t sequence_length(std::string_view s) noexcept;

bool valid(std::string_view s) noexcept;

// Appends code point cp (at most U+10FFFF, not a surrogate) as UTF-8.
void append(std::string& out, std::uint32_t cp);

}  // namespace apibench::rust_style::utf8
