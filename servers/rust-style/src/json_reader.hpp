#pragma once
// A pull-style JSON reader over one document, for typed decoding (like a Serde
// Deserializer): the caller asks for the value it expects. Strings without
// escapes are views into the document; strings with escapes are decoded into
// a caller-owned scratch buffer reserved up front, so views stay valid.
// Any syntax error sticks: once failed(), every call returns nothing.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace apibench::rust_style {

// serde_json's default recursion limit.
inline constexpr int kMaxJsonDepth = 128;

enum class JsonKind : std::uint8_t { object, array, string, number, boolean, null, invalid };

struct JsonNumber {
  bool integer = false;      // no fraction and no exponent
  bool fits_int64 = false;   // integer and within int64
  std::int64_t value = 0;    // when fits_int64
};

class JsonReader {
 public:
  // scratch is cleared and reserved to text.size(): decoded text is never longer.
  JsonReader(std::string_view text, std::string& scratch);

  bool failed() const noexcept { return failed_; }
  // What the next value is, from its first byte; skips whitespace.
  JsonKind peek() noexcept;

  std::optional<std::string_view> read_string() noexcept;
  std::optional<JsonNumber> read_number() noexcept;
  // Validates and skips any value, nesting up to kMaxJsonDepth - depth.
  bool skip_value(int depth) noexcept;

  // Containers: begin_x consumes the opener; next_x says whether another
  // element follows (consuming the comma or the closer).
  bool begin_object() noexcept { return expect('{'); }
  bool begin_array() noexcept { return expect('['); }
  std::optional<bool> next_member(bool first) noexcept { return next_element(first, '}'); }
  std::optional<bool> next_item(bool first) noexcept { return next_element(first, ']'); }
  // The member name and the ':' after it.
  std::optional<std::string_view> read_key() noexcept;
  // True when only whitespace is left.
  bool at_end() noexcept;

 private:
  bool fail() noexcept;
  void skip_ws() noexcept;
  bool expect(char c) noexcept;
  bool read_literal(std::string_view word) noexcept;
  std::optional<bool> next_element(bool first, char closer) noexcept;
  bool decode_escape() noexcept;
  bool read_hex4(std::uint32_t& out) noexcept;

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string& scratch_;
  bool failed_ = false;
};

}  // namespace apibench::rust_style
