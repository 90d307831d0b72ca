// The JSON reader (strings, escapes, numbers, nesting) and the string writer.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "json_reader.hpp"
#include "json_writer.hpp"

namespace apibench::rust_style {
namespace {

std::optional<std::string> read_string(const std::string& doc) {
  std::string scratch;
  JsonReader reader(doc, scratch);
  auto s = reader.read_string();
  if (!s || !reader.at_end()) return std::nullopt;
  return std::string(*s);
}

bool skips(const std::string& doc) {
  std::string scratch;
  JsonReader reader(doc, scratch);
  return reader.skip_value(0) && reader.at_end();
}

TEST(JsonReader, PlainStringIsAViewIntoTheDocument) {
  const std::string doc = R"(  "plain text"  )";
  std::string scratch;
  JsonReader reader(doc, scratch);
  const auto s = reader.read_string();
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "plain text");
  EXPECT_EQ(s->data(), doc.data() + 3);
  EXPECT_TRUE(scratch.empty());
}

TEST(JsonReader, DecodesEscapes) {
  EXPECT_EQ(read_string(R"("a\"b\\c\/d\b\f\n\r\t")"), "a\"b\\c/d\b\f\n\r\t");
  EXPECT_EQ(read_string(R"("\u0041\u00e9\u20ac")"), "A\xc3\xa9\xe2\x82\xac");
  EXPECT_EQ(read_string(R"("\ud83d\ude00")"), "\xf0\x9f\x98\x80");  // a surrogate pair
  EXPECT_EQ(read_string(R"("x\u0000y")"), std::string("x\0y", 3));
  EXPECT_EQ(read_string("\"caf\xc3\xa9\""), "caf\xc3\xa9");
}

TEST(JsonReader, SeveralEscapedStringsKeepTheirOwnViews) {
  const std::string doc = R"(["a\nb", "c\td", "plain"])";
  std::string scratch;
  JsonReader reader(doc, scratch);
  ASSERT_TRUE(reader.begin_array());
  std::vector<std::string_view> views;
  for (bool first = true;; first = false) {
    const auto more = reader.next_item(first);
    ASSERT_TRUE(more);
    if (!*more) break;
    views.push_back(*reader.read_string());
  }
  ASSERT_EQ(views.size(), 3u);
  EXPECT_EQ(views[0], "a\nb");
  EXPECT_EQ(views[1], "c\td");
  EXPECT_EQ(views[2], "plain");
}

TEST(JsonReader, RefusesBadStrings) {
  EXPECT_FALSE(read_string(R"("\ud83d")"));         // lone leading surrogate
  EXPECT_FALSE(read_string(R"("\ude00")"));         // lone trailing surrogate
  EXPECT_FALSE(read_string(R"("\ud83d\u0041")"));   // leading surrogate, then no trailing one
  EXPECT_FALSE(read_string(R"("\x")"));
  EXPECT_FALSE(read_string(R"("\u12")"));
  EXPECT_FALSE(read_string(R"("\u12g4")"));
  EXPECT_FALSE(read_string("\"a\nb\""));            // raw control byte
  EXPECT_FALSE(read_string("\"\xff\""));            // not UTF-8
  EXPECT_FALSE(read_string("\"\xc0\xaf\""));        // overlong
  EXPECT_FALSE(read_string("\"\xed\xa0\x80\""));    // encoded surrogate
  EXPECT_FALSE(read_string(R"("unterminated)"));
}

TEST(JsonReader, Numbers) {
  auto number = [](const std::string& doc) {
    std::string scratch;
    JsonReader reader(doc, scratch);
    auto n = reader.read_number();
    return reader.at_end() ? n : std::nullopt;
  };
  EXPECT_EQ(number("0")->value, 0);
  EXPECT_EQ(number("-12")->value, -12);
  EXPECT_EQ(number("9223372036854775807")->value, INT64_MAX);
  EXPECT_FALSE(number("9223372036854775808")->fits_int64);
  EXPECT_TRUE(number("9223372036854775808")->integer);
  EXPECT_FALSE(number("1.5")->integer);
  EXPECT_FALSE(number("1e3")->integer);
  EXPECT_TRUE(number("-0.5E-7"));
  EXPECT_FALSE(number("01"));
  EXPECT_FALSE(number("1."));
  EXPECT_FALSE(number(".5"));
  EXPECT_FALSE(number("+1"));
  EXPECT_FALSE(number("1e"));
  EXPECT_FALSE(number("-"));
}

TEST(JsonReader, SkipsAndValidatesAnyValue) {
  EXPECT_TRUE(skips(R"({"a":[1,2,{"b":null}],"c":true,"d":false,"e":"x"})"));
  EXPECT_TRUE(skips("[]"));
  EXPECT_TRUE(skips("{}"));
  EXPECT_FALSE(skips("[1,]"));
  EXPECT_FALSE(skips(R"({"a":1,})"));
  EXPECT_FALSE(skips(R"({"a" 1})"));
  EXPECT_FALSE(skips(R"({a:1})"));
  EXPECT_FALSE(skips("[1 2]"));
  EXPECT_FALSE(skips("tru"));
  EXPECT_FALSE(skips("nul"));
  EXPECT_FALSE(skips("[1] x"));
  EXPECT_FALSE(skips(""));
}

TEST(JsonReader, NestingDeeperThanTheLimitIsRefused) {
  const auto nested = [](int depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  EXPECT_TRUE(skips(nested(kMaxJsonDepth)));
  EXPECT_FALSE(skips(nested(kMaxJsonDepth + 1)));
  EXPECT_FALSE(skips(nested(100000)));  // no stack overflow either
}

TEST(JsonWriter, EscapesWhatJsonRequires) {
  std::string out;
  json::append_string(out, "q\"b\\n\nt\tc\x01\x1f u\xc3\xa9");
  EXPECT_EQ(out, "\"q\\\"b\\\\n\\nt\\tc\\u0001\\u001f u\xc3\xa9\"");
}

TEST(JsonWriter, RoundTripsRandomStringsThroughNlohmann) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> byte(0, 127);
  for (int i = 0; i < 500; ++i) {
    std::string s(static_cast<std::size_t>(rng() % 40), ' ');
    for (char& c : s) c = static_cast<char>(byte(rng));
    std::string out;
    json::append_string(out, s);
    EXPECT_EQ(nlohmann::json::parse(out).get<std::string>(), s);
  }
}

TEST(JsonWriter, MessageAndError) {
  std::string out;
  json::append(out, json::Message{"Hello, World!"});
  EXPECT_EQ(out, R"({"message":"Hello, World!"})");
  out.clear();
  json::append_error(out, "not found");
  EXPECT_EQ(out, R"({"error":"not found"})");
}

}  // namespace
}  // namespace apibench::rust_style
