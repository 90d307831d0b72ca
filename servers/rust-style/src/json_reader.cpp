#include "json_reader.hpp"

#include <charconv>

#include "utf8.hpp"

namespace apibench::rust_style {
namespace {

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

int hex_digit(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

JsonReader::JsonReader(std::string_view text, std::string& scratch) : text_(text), scratch_(scratch) {
  scratch_.clear();
  scratch_.reserve(text.size());
}

bool JsonReader::fail() noexcept {
  failed_ = true;
  return false;
}

void JsonReader::skip_ws() noexcept {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
    ++pos_;
  }
}

bool JsonReader::expect(char c) noexcept {
  if (failed_) return false;
  skip_ws();
  if (pos_ < text_.size() && text_[pos_] == c) {
    ++pos_;
    return true;
  }
  return fail();
}

JsonKind JsonReader::peek() noexcept {
  if (failed_) return JsonKind::invalid;
  skip_ws();
  if (pos_ == text_.size()) return JsonKind::invalid;
  switch (text_[pos_]) {
    case '{': return JsonKind::object;
    case '[': return JsonKind::array;
    case '"': return JsonKind::string;
    case 't':
    case 'f': return JsonKind::boolean;
    case 'n': return JsonKind::null;
    default: return text_[pos_] == '-' || is_digit(text_[pos_]) ? JsonKind::number : JsonKind::invalid;
  }
}

bool JsonReader::at_end() noexcept {
  skip_ws();
  return !failed_ && pos_ == text_.size();
}

std::optional<bool> JsonReader::next_element(bool first, char closer) noexcept {
  if (failed_) return std::nullopt;
  skip_ws();
  if (pos_ == text_.size()) return fail(), std::nullopt;
  const char c = text_[pos_];
  if (c == closer) {
    ++pos_;
    return false;
  }
  if (first) return true;
  if (c != ',') return fail(), std::nullopt;
  ++pos_;
  return true;
}

std::optional<std::string_view> JsonReader::read_key() noexcept {
  auto key = read_string();
  if (!key || !expect(':')) return std::nullopt;
  return key;
}

bool JsonReader::read_hex4(std::uint32_t& out) noexcept {
  if (text_.size() - pos_ < 4) return fail();
  out = 0;
  for (int i = 0; i < 4; ++i) {
    const int d = hex_digit(text_[pos_++]);
    if (d < 0) return fail();
    out = out * 16 + static_cast<std::uint32_t>(d);
  }
  return true;
}

// After a backslash: appends the decoded character to scratch_.
bool JsonReader::decode_escape() noexcept {
  if (pos_ == text_.size()) return fail();
  const char c = text_[pos_++];
  constexpr std::string_view kFrom = "\"\\/bfnrt";
  constexpr std::string_view kTo = "\"\\/\b\f\n\r\t";
  if (const auto i = kFrom.find(c); i != std::string_view::npos) {
    scratch_.push_back(kTo[i]);
    return true;
  }
  if (c != 'u') return fail();
  std::uint32_t cp = 0;
  if (!read_hex4(cp)) return false;
  if (cp >= 0xDC00 && cp <= 0xDFFF) return fail();  // a lone trailing surrogate
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    std::uint32_t low = 0;
    if (text_.substr(pos_, 2) != "\\u") return fail();
    pos_ += 2;
    if (!read_hex4(low)) return false;
    if (low < 0xDC00 || low > 0xDFFF) return fail();
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  utf8::append(scratch_, cp);
  return true;
}

std::optional<std::string_view> JsonReader::read_string() noexcept {
  if (!expect('"')) return std::nullopt;
  std::size_t run = pos_;  // start of the raw bytes not yet copied
  std::optional<std::size_t> decoded_from;  // set once an escape forces decoding
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c == '"') {
      const std::string_view raw = text_.substr(run, pos_ - run);
      ++pos_;
      if (!decoded_from) return raw;  // the common case: a view into the document
      scratch_.append(raw);
      return std::string_view(scratch_).substr(*decoded_from);
    }
    if (c == '\\') {
      if (!decoded_from) decoded_from = scratch_.size();
      scratch_.append(text_.substr(run, pos_ - run));
      ++pos_;
      if (!decode_escape()) return std::nullopt;
      run = pos_;
      continue;
    }
    if (static_cast<unsigned char>(c) < 0x20) return fail(), std::nullopt;
    const std::size_t n = utf8::sequence_length(text_.substr(pos_));
    if (n == 0) return fail(), std::nullopt;
    pos_ += n;
  }
  return fail(), std::nullopt;
}

std::optional<JsonNumber> JsonReader::read_number() noexcept {
  if (peek() != JsonKind::number) return fail(), std::nullopt;
  const std::size_t start = pos_;
  auto digits = [&] {
    const std::size_t from = pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    return pos_ - from;
  };
  if (text_[pos_] == '-') ++pos_;
  const std::size_t int_start = pos_;
  const std::size_t int_digits = digits();
  if (int_digits == 0 || (int_digits > 1 && text_[int_start] == '0')) return fail(), std::nullopt;
  JsonNumber n;
  n.integer = true;
  if (pos_ < text_.size() && text_[pos_] == '.') {
    ++pos_;
    if (digits() == 0) return fail(), std::nullopt;
    n.integer = false;
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (digits() == 0) return fail(), std::nullopt;
    n.integer = false;
  }
  if (n.integer) {
    const auto [end, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, n.value);
    n.fits_int64 = ec == std::errc{} && end == text_.data() + pos_;
  }
  return n;
}

bool JsonReader::read_literal(std::string_view word) noexcept {
  if (text_.substr(pos_, word.size()) != word) return fail();
  pos_ += word.size();
  return true;
}

bool JsonReader::skip_value(int depth) noexcept {
  if (depth >= kMaxJsonDepth) return fail();
  switch (peek()) {
    case JsonKind::string: return read_string().has_value();
    case JsonKind::number: return read_number().has_value();
    case JsonKind::null: return read_literal("null");
    case JsonKind::boolean: return read_literal(text_[pos_] == 't' ? "true" : "false");
    case JsonKind::invalid: return fail();
    case JsonKind::object:
      begin_object();
      for (bool first = true;; first = false) {
        const auto more = next_member(first);
        if (!more) return false;
        if (!*more) return true;
        if (!read_key() || !skip_value(depth + 1)) return false;
      }
    case JsonKind::array:
      begin_array();
      for (bool first = true;; first = false) {
        const auto more = next_item(first);
        if (!more) return false;
        if (!*more) return true;
        if (!skip_value(depth + 1)) return false;
      }
  }
  return fail();
}

}  // namespace apibench::rust_style
