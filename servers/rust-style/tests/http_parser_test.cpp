// The request parser: well-formed requests parse into views of the input, and
// every malformed case of docs/api.md is refused with the right status.
#include <gtest/gtest.h>

#include <string>

#include "contract/limits.hpp"
#include "http_parser.hpp"

namespace apibench::rust_style {
namespace {

// Takes a view so that literals outlive the head that points into them.
HeadResult parse(std::string_view text, RequestHead& head) { return parse_head(text, head); }

int head_error(const std::string& text) {
  RequestHead head;
  const HeadResult r = parse(text, head);
  return r.status == ParseStatus::error ? r.error_status : 0;
}

TEST(HttpParser, ParsesRequestLineAndHeadersAsViewsIntoTheInput) {
  const std::string text = "GET /json?x=1 HTTP/1.1\r\nHost: a\r\nX-Thing:  spaced value \t\r\n\r\nrest";
  RequestHead head;
  ASSERT_EQ(parse(text, head).status, ParseStatus::complete);
  EXPECT_EQ(head.method, "GET");
  EXPECT_EQ(head.target, "/json?x=1");
  EXPECT_FALSE(head.http10);
  EXPECT_TRUE(head.keep_alive);
  ASSERT_EQ(head.header_count, 2u);
  EXPECT_EQ(head.headers[1].name, "X-Thing");
  EXPECT_EQ(head.headers[1].value, "spaced value");
  EXPECT_EQ(head.size, text.size() - 4);
  EXPECT_GE(head.target.data(), text.data());  // a view, not a copy
  EXPECT_LT(head.target.data(), text.data() + text.size());
  EXPECT_EQ(head.framing, BodyFraming::none);
}

TEST(HttpParser, IncompleteHeadIsNotAnError) {
  RequestHead head;
  EXPECT_EQ(parse("GET /json HTTP/1.1\r\nHost: a\r\n", head).status, ParseStatus::incomplete);
  EXPECT_EQ(parse("GET /js", head).status, ParseStatus::incomplete);
  EXPECT_EQ(parse("", head).status, ParseStatus::incomplete);
}

TEST(HttpParser, ConnectionHeaderAndVersionDecideKeepAlive) {
  RequestHead head;
  ASSERT_EQ(parse("GET / HTTP/1.1\r\nConnection: Close\r\n\r\n", head).status, ParseStatus::complete);
  EXPECT_FALSE(head.keep_alive);
  ASSERT_EQ(parse("GET / HTTP/1.0\r\n\r\n", head).status, ParseStatus::complete);
  EXPECT_TRUE(head.http10);
  EXPECT_FALSE(head.keep_alive);
  ASSERT_EQ(parse("GET / HTTP/1.0\r\nConnection: foo, keep-alive\r\n\r\n", head).status, ParseStatus::complete);
  EXPECT_TRUE(head.keep_alive);
}

TEST(HttpParser, ContentLengthAndChunkedFraming) {
  RequestHead head;
  ASSERT_EQ(parse("POST /orders HTTP/1.1\r\nContent-Length: 12\r\nContent-Type: application/json\r\n\r\n", head).status,
            ParseStatus::complete);
  EXPECT_EQ(head.framing, BodyFraming::length);
  EXPECT_EQ(head.content_length, 12u);
  EXPECT_EQ(head.content_type, "application/json");
  ASSERT_EQ(parse("PUT /cache/a HTTP/1.1\r\nTransfer-Encoding: Chunked\r\n\r\n", head).status, ParseStatus::complete);
  EXPECT_EQ(head.framing, BodyFraming::chunked);
}

TEST(HttpParser, MalformedRequestLinesAre400) {
  EXPECT_EQ(head_error("GET  /json HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET /json  HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET /json HTTP/2.0\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET /json http/1.1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET json HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET /json\r\n\r\n"), 400);
  EXPECT_EQ(head_error("G(T /json HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET /js\x01on HTTP/1.1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("\r\nGET /json HTTP/1.1\r\n\r\n"), 400);
}

TEST(HttpParser, BareLfIsRefusedEvenBeforeTheHeadIsComplete) {
  EXPECT_EQ(head_error("GET /json HTTP/1.1\n"), 400);
  EXPECT_EQ(head_error("GET /json HTTP/1.1\r\nHost: a\n\r\n"), 400);
  EXPECT_EQ(head_error("GET /json HTTP/1.1\r\nHost: a\r\n\n"), 400);
}

TEST(HttpParser, BadHeaderLinesAre400) {
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n"), 400);    // obs-fold
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nHost: a\r\n\tfolded\r\n\r\n"), 400);  // obs-fold
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nHost : a\r\n\r\n"), 400);             // space before colon
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nNo colon\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\n: empty name\r\n\r\n"), 400);
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nX: a\x01z\r\n\r\n"), 400);  // control byte
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nX: a\x7fz\r\n\r\n"), 400);  // DEL
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nX: a\rz\r\n\r\n"), 400);    // bare CR
  EXPECT_EQ(head_error(std::string("GET / HTTP/1.1\r\nX: a\0z\r\n\r\n", 27)), 400);
}

TEST(HttpParser, BadOrConflictingFramingIs400) {
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: abc\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: +1\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: 1 2\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: 5, 5\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length:\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999999\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"), 400);
  EXPECT_EQ(head_error("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n"), 400);
}

TEST(HttpParser, OversizedHeadIs431) {
  const std::string big(contract::kMaxHeaderBytes, 'a');
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nX: " + big + "\r\n\r\n"), 431);
  EXPECT_EQ(head_error("GET / HTTP/1.1\r\nX: " + big), 431);  // even before it is complete
  std::string many = "GET / HTTP/1.1\r\n";
  for (std::size_t i = 0; i <= kMaxHeaders; ++i) many += "A: b\r\n";
  EXPECT_EQ(head_error(many + "\r\n"), 431);
}

TEST(HttpParser, HeadOfExactlyTheLimitIsAccepted) {
  std::string text = "GET / HTTP/1.1\r\nX: ";
  text += std::string(contract::kMaxHeaderBytes - text.size() - 4, 'a') + "\r\n\r\n";
  ASSERT_EQ(text.size(), contract::kMaxHeaderBytes);
  RequestHead head;
  EXPECT_EQ(parse(text, head).status, ParseStatus::complete);
}

// Body framing: the head first, then take_body over the bytes after it.
struct Parsed {
  RequestHead head;
  BodyResult body;
};

Parsed parse_all(std::string& text, std::size_t limit = 1024) {
  Parsed p;
  const HeadResult h = parse_head(text, p.head);
  EXPECT_EQ(h.status, ParseStatus::complete);
  p.body = take_body(std::span<char>(text.data() + p.head.size, text.size() - p.head.size), p.head, limit);
  return p;
}

TEST(HttpBody, ContentLengthBodyIsAViewAndLeavesThePipelinedRest) {
  std::string text = "POST /orders HTTP/1.1\r\nContent-Length: 5\r\n\r\nhelloGET /json HTTP/1.1\r\n\r\n";
  const Parsed p = parse_all(text);
  ASSERT_EQ(p.body.status, ParseStatus::complete);
  EXPECT_EQ(p.body.body, "hello");
  EXPECT_EQ(p.body.consumed, 5u);
  RequestHead next;
  EXPECT_EQ(parse_head(std::string_view(text).substr(p.head.size + 5), next).status, ParseStatus::complete);
  EXPECT_EQ(next.target, "/json");
}

TEST(HttpBody, IncompleteBodySaysHowMuchIsNeeded) {
  std::string text = "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc";
  const Parsed p = parse_all(text);
  EXPECT_EQ(p.body.status, ParseStatus::incomplete);
  EXPECT_EQ(p.body.need, 10u);
}

TEST(HttpBody, BodyOverTheLimitIs413) {
  std::string text = "POST / HTTP/1.1\r\nContent-Length: 2000\r\n\r\n";
  EXPECT_EQ(parse_all(text).body.error_status, 413);
  std::string chunked = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n";
  EXPECT_EQ(parse_all(chunked, 1024).body.error_status, 413);
}

TEST(HttpBody, ChunkedBodyIsDecodedInPlace) {
  std::string text =
      "PUT /cache/k HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n1;ext=1\r\n \r\nA\r\n0123456789\r\n0\r\nTrailer: x\r\n\r\nGET /json HTTP/1.1\r\n\r\n";
  const Parsed p = parse_all(text);
  ASSERT_EQ(p.body.status, ParseStatus::complete);
  EXPECT_EQ(p.body.body, "hello 0123456789");
  EXPECT_EQ(std::string_view(text).substr(p.head.size + p.body.consumed), "GET /json HTTP/1.1\r\n\r\n");
}

TEST(HttpBody, IncompleteChunkedBodyLeavesTheInputUntouched) {
  const std::string whole = "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n";
  for (std::size_t cut = whole.find("\r\n\r\n") + 4; cut < whole.size(); ++cut) {
    std::string part = whole.substr(0, cut);
    const std::string before = part;
    EXPECT_EQ(parse_all(part).body.status, ParseStatus::incomplete) << cut;
    EXPECT_EQ(part, before);
  }
}

TEST(HttpBody, WellFormedChunkExtensionsAreIgnored) {
  const std::string head = "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (const std::string ext : {";a", ";a=b", " ; a = b", ";a=\"q \\\" x\";b"}) {
    std::string text = head + "3" + ext + "\r\nabc\r\n0\r\n\r\n";
    const Parsed p = parse_all(text);
    EXPECT_EQ(p.body.status, ParseStatus::complete) << ext;
    EXPECT_EQ(p.body.body, "abc") << ext;
  }
}

TEST(HttpBody, BadChunkFramingIs400) {
  const std::string head = "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (const std::string body : {"x\r\nabc\r\n0\r\n\r\n", "-3\r\nabc\r\n0\r\n\r\n", "3 \r\nabc\r\n0\r\n\r\n",
                                 "\r\nabc\r\n0\r\n\r\n", "3\r\nabcd\r\n0\r\n\r\n", "3\nabc\r\n0\r\n\r\n",
                                 "11111111111111111\r\n", "0\r\nbad trailer\r\n\r\n", "3\r\nabc\r\n0\r\n\n",
                                 "3;=x\r\nabc\r\n0\r\n\r\n", "3;a=\"open\r\nabc\r\n0\r\n\r\n", "3;a=\r\nabc\r\n0\r\n\r\n",
                                 "3;a \r\nabc\r\n0\r\n\r\n", "3;a=b;\r\nabc\r\n0\r\n\r\n"}) {
    std::string text = head + body;
    const Parsed p = parse_all(text);
    EXPECT_EQ(p.body.status, ParseStatus::error) << body;
    EXPECT_EQ(p.body.error_status, 400) << body;
  }
}

TEST(HttpBody, EndlessChunkLineIsRefused) {
  std::string text = "PUT / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;" + std::string(4096, 'e');
  EXPECT_EQ(parse_all(text).body.error_status, 400);
}

TEST(HttpParser, IequalsIgnoresAsciiCaseOnly) {
  EXPECT_TRUE(iequals("Content-Length", "content-length"));
  EXPECT_FALSE(iequals("content-length", "content-lengtx"));
  EXPECT_FALSE(iequals("a", "ab"));
  EXPECT_FALSE(iequals("@", "`"));  // differ only in bit 0x20, but are not letters
}

}  // namespace
}  // namespace apibench::rust_style
