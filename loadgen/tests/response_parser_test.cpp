#include "loadgen/response_parser.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace apibench::loadgen {
namespace {

struct Parsed {
  std::vector<ResponseHead> responses;
  bool error = false;
};

// Feeds `bytes` in pieces of `piece` bytes, collecting every response.
Parsed parse_in_pieces(const std::string& bytes, std::size_t piece, bool head_request = false) {
  ResponseParser parser;
  Parsed parsed;
  for (std::size_t at = 0; at < bytes.size() && !parsed.error; at += piece) {
    std::string_view data = std::string_view(bytes).substr(at, piece);
    while (!data.empty()) {
      const auto step = parser.feed(data, head_request);
      data.remove_prefix(step.consumed);
      if (step.outcome == ResponseParser::Outcome::kError) {
        parsed.error = true;
        break;
      }
      if (step.outcome == ResponseParser::Outcome::kResponse) parsed.responses.push_back(parser.response());
      if (step.outcome == ResponseParser::Outcome::kNeedMore) break;
    }
  }
  return parsed;
}

void expect_same_at_every_split(const std::string& bytes, std::size_t expected_responses) {
  for (std::size_t piece = 1; piece <= bytes.size(); ++piece) {
    const auto parsed = parse_in_pieces(bytes, piece);
    ASSERT_FALSE(parsed.error) << "piece " << piece;
    ASSERT_EQ(parsed.responses.size(), expected_responses) << "piece " << piece;
  }
}

TEST(ResponseParser, ContentLengthResponsesInAnySplit) {
  const std::string two = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhelloHTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n";
  expect_same_at_every_split(two, 2);
  const auto parsed = parse_in_pieces(two, two.size());
  EXPECT_EQ(parsed.responses[0].status, 200);
  EXPECT_EQ(parsed.responses[1].status, 404);
  EXPECT_FALSE(parsed.responses[0].close);
}

TEST(ResponseParser, ChunkedWithExtensionsAndTrailersInAnySplit) {
  const std::string chunked =
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nwiki\r\n5\r\npedia\r\n0\r\nX-Trailer: 1\r\n\r\n"
      "HTTP/1.1 201 Created\r\nTransfer-Encoding: gzip, chunked\r\n\r\nA\r\n0123456789\r\n0\r\n\r\n";
  expect_same_at_every_split(chunked, 2);
  EXPECT_EQ(parse_in_pieces(chunked, 7).responses[1].status, 201);
}

TEST(ResponseParser, ConnectionCloseAndHttp10) {
  auto parsed = parse_in_pieces("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", 100);
  ASSERT_EQ(parsed.responses.size(), 1u);
  EXPECT_TRUE(parsed.responses[0].close);
  parsed = parse_in_pieces("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 100);
  EXPECT_TRUE(parsed.responses[0].close);
  parsed = parse_in_pieces("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n", 100);
  EXPECT_FALSE(parsed.responses[0].close);
}

TEST(ResponseParser, BodyUntilCloseCompletesAtEndOfStream) {
  ResponseParser parser;
  const std::string bytes = "HTTP/1.1 200 OK\r\n\r\nsome body";
  const auto step = parser.feed(bytes, false);
  EXPECT_EQ(step.outcome, ResponseParser::Outcome::kNeedMore);
  EXPECT_EQ(step.consumed, bytes.size());
  EXPECT_TRUE(parser.finish_at_eof());
  EXPECT_TRUE(parser.response().close);
}

TEST(ResponseParser, EndOfStreamMidResponseIsNotAResponse) {
  ResponseParser parser;
  parser.feed("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", false);
  EXPECT_FALSE(parser.idle());
  EXPECT_FALSE(parser.finish_at_eof());
}

TEST(ResponseParser, NoBodyForHead204304AndInterim100) {
  EXPECT_EQ(parse_in_pieces("HTTP/1.1 204 No Content\r\n\r\n", 3).responses.size(), 1u);
  EXPECT_EQ(parse_in_pieces("HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", 3).responses.size(), 1u);
  EXPECT_EQ(parse_in_pieces("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n", 3, true).responses.size(), 1u);
  const auto parsed = parse_in_pieces("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 4);
  ASSERT_EQ(parsed.responses.size(), 1u);
  EXPECT_EQ(parsed.responses[0].status, 200);
}

TEST(ResponseParser, RejectsMalformedResponses) {
  for (const char* bad : {"HTTX/1.1 200 OK\r\n\r\n", "HTTP/1.1 2000 OK\r\n\r\n", "HTTP/1.1 099 Low\r\n\r\n",
                          "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
                          "HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
                          "HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
                          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
                          "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXX0\r\n\r\n"}) {
    EXPECT_TRUE(parse_in_pieces(bad, 5).error) << bad;
  }
}

TEST(ResponseParser, RejectsAnEndlessHead) {
  std::string endless = "HTTP/1.1 200 OK\r\n";
  for (int i = 0; i < 10'000; ++i) endless += "X-Filler: 0123456789\r\n";
  EXPECT_TRUE(parse_in_pieces(endless, 1000).error);
}

}  // namespace
}  // namespace apibench::loadgen
