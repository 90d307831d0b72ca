#pragma once
// Field parsing of one HTTP/1.x response head: status line and framing headers.
#include <cstdint>
#include <optional>
#include <string_view>

namespace apibench::loadgen {

struct HeadFields {
  int status = 0;
  bool http10 = false;
  bool close = false;       // Connection: close
  bool keep_alive = false;  // Connection: keep-alive (HTTP/1.0)
  bool chunked = false;     // Transfer-Encoding ends in chunked
  std::optional<std::uint64_t> content_length;
};

// `head` runs from the status line to the blank line (inclusive). nullopt when malformed.
std::optional<HeadFields> parse_head_fields(std::string_view head);

// Case-insensitive ASCII comparison, for header names and tokens.
bool equals_ignore_case(std::string_view a, std::string_view b);

}  // namespace apibench::loadgen
