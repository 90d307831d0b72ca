#pragma once
// A strict, zero-copy HTTP/1.1 request parser. Every string it returns is a
// view into the caller's buffer; nothing is copied or allocated. Incomplete
// input is not an error: the caller reads more and parses again.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace apibench::rust_style {

enum class ParseStatus : std::uint8_t { complete, incomplete, error };
enum class BodyFraming : std::uint8_t { none, length, chunked };

struct Header {
  std::string_view name;
  std::string_view value;
};

// Hyper's default cap on header count; past it the head is "too large" (431).
inline constexpr std::size_t kMaxHeaders = 100;

struct RequestHead {
  std::string_view method;
  std::string_view target;
  bool http10 = false;
  std::array<Header, kMaxHeaders> headers{};
  std::size_t header_count = 0;
  BodyFraming framing = BodyFraming::none;
  std::uint64_t content_length = 0;
  std::string_view content_type;
  bool keep_alive = true;  // from the version and the Connection header
  bool expect_continue = false;  // "Expect: 100-continue": the client waits before sending the body
  std::size_t size = 0;    // request line, headers and the blank line
};

struct HeadResult {
  ParseStatus status = ParseStatus::incomplete;
  int error_status = 0;  // 400 or 431 when status == error
};

// Parses the request line and headers at the start of input into head.
HeadResult parse_head(std::string_view input, RequestHead& head) noexcept;

struct BodyResult {
  ParseStatus status = ParseStatus::incomplete;
  int error_status = 0;     // 400 or 413 when status == error
  std::string_view body;    // when complete: a view into input
  std::size_t consumed = 0; // bytes of input the body's framing took
  std::size_t need = 0;     // when incomplete: input bytes needed at least
};

// Takes the body that follows a parsed head. A chunked body is decoded in place
// (its data moved together over the chunk framing) so it too is one view.
BodyResult take_body(std::span<char> input, const RequestHead& head, std::size_t limit) noexcept;

// Case-insensitive ASCII comparison, as header names and tokens need.
bool iequals(std::string_view a, std::string_view b) noexcept;

}  // namespace apibench::rust_style
