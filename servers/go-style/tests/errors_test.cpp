// Malformed requests, limits and timeouts over real sockets.
#include <gtest/gtest.h>

#include "testing/http_client.hpp"
#include "tests/test_server.hpp"

namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::request_with_body;
using apibench::testing::TestConnection;
using gostyle::test::RunningServer;
using namespace std::chrono_literals;

// Sends raw bytes; expects `status` with the contract's error body, then a close.
void expect_rejected(std::uint16_t port, std::string_view raw, int status, std::string_view reason) {
  TestConnection c(port);
  c.send(raw);
  std::optional<HttpResponse> r = c.read_response();
  ASSERT_TRUE(r) << raw;
  EXPECT_EQ(r->status, status) << raw;
  EXPECT_EQ(r->body, "{\"error\":\"" + std::string(reason) + "\"}") << raw;
  EXPECT_EQ(r->header("Connection"), "close") << raw;
  EXPECT_TRUE(c.closed_by_peer()) << raw;
}

TEST(Errors, MalformedRequestsAre400ThenClose) {
  RunningServer s;
  const char* cases[] = {
      "GARBAGE\r\n\r\n",
      "GET /json HTTP/1.1\nHost: t\n\n",                                  // bare LF
      "GET /json HTTP/1.1\r\nHost: t\r\nX-A: 1\r\n  folded\r\n\r\n",      // obs-fold
      "GET /json HTTP/1.1\r\nHost: t\r\nX-A: a\x01z\r\n\r\n",             // control byte
      "GET /json HTTP/1.1\r\nHost: t\r\nBad Header: x\r\n\r\n",           // space in a field name
      "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Length: abc\r\n\r\n",  // bad length
      "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab",
      "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
      "POST /orders HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n",
  };
  for (const char* raw : cases) expect_rejected(s.port(), raw, 400, "bad request");
}

TEST(Errors, HeadersPast8KiBAre431) {
  RunningServer s;
  std::string raw = "GET /json HTTP/1.1\r\nHost: t\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n";
  expect_rejected(s.port(), raw, 431, "request header fields too large");
}

TEST(Errors, BodyPastTheLimitIs413) {
  auto options = gostyle::test::test_options();
  options.body_limit = 100;
  RunningServer s(options);
  std::string body(101, 'x');
  expect_rejected(s.port(), request_with_body("POST", "/orders", "application/json", body), 413, "payload too large");
  std::string chunked = "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                        "Transfer-Encoding: chunked\r\n\r\n65\r\n" + body + "\r\n0\r\n\r\n";
  expect_rejected(s.port(), chunked, 413, "payload too large");
}

TEST(Errors, BodyWithoutALengthIs411) {
  RunningServer s;
  expect_rejected(s.port(), "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n\r\n", 411,
                  "length required");
  expect_rejected(s.port(), "PUT /cache/k HTTP/1.1\r\nHost: t\r\n\r\n", 411, "length required");
}

TEST(Errors, ChunkedBodiesAreAccepted) {
  RunningServer s;
  TestConnection c(s.port());
  c.send("PUT /cache/k HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
  std::optional<HttpResponse> put = c.read_response();
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201);
  c.send(get_request("/cache/k"));
  std::optional<HttpResponse> got = c.read_response();
  ASSERT_TRUE(got);
  EXPECT_EQ(got->body, "abcde");
}

TEST(Errors, IdleConnectionsAreClosed) {
  auto options = gostyle::test::test_options();
  options.idle_timeout = 100ms;
  RunningServer s(options);
  TestConnection c(s.port());
  c.send(get_request("/json"));
  ASSERT_TRUE(c.read_response());
  EXPECT_TRUE(c.closed_by_peer(5s));
}

TEST(Errors, SlowHeadersAreCut) {
  auto options = gostyle::test::test_options();
  options.header_timeout = 100ms;
  RunningServer s(options);
  TestConnection c(s.port());
  c.send("GET /json HTTP/1.1\r\nHost: t\r\n");  // never finishes its head
  EXPECT_TRUE(c.closed_by_peer(5s));
}

TEST(Errors, ConnectionsPastMaxConnsAreClosedAndCounted) {
  auto options = gostyle::test::test_options();
  options.max_connections = 1;
  RunningServer s(options);
  TestConnection first(s.port());
  first.send(get_request("/json"));
  ASSERT_TRUE(first.read_response());
  TestConnection second(s.port());
  EXPECT_TRUE(second.closed_by_peer(5s));
  first.send(get_request("/metrics"));
  std::optional<HttpResponse> m = first.read_response();
  ASSERT_TRUE(m);
  EXPECT_NE(m->body.find("apibench_connections_rejected_total 1\n"), std::string::npos) << m->body;
}

}  // namespace
