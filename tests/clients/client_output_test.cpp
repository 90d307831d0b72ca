// The readers of the clients' summaries, on output in each tool's own format.
#include <gtest/gtest.h>

#include "tests/clients/client_output.hpp"

namespace apibench::clients {
namespace {

TEST(ClientOutput, WrkCountsRequestsSocketErrorsAndNon2xx) {
  const WrkSummary s = parse_wrk(
      "Running 1s test @ http://127.0.0.1:8080/json\n"
      "  1 threads and 8 connections\n"
      "  49787 requests in 1.00s, 7.12MB read\n"
      "  Socket errors: connect 0, read 2, write 0, timeout 1\n"
      "  Non-2xx or 3xx responses: 5\n"
      "Requests/sec:  49787.00\n");
  ASSERT_TRUE(s.requests.has_value());
  EXPECT_EQ(*s.requests, 49787);
  EXPECT_EQ(s.socket_errors, 3);
  EXPECT_EQ(s.non_2xx_3xx, 5);
}

TEST(ClientOutput, WrkWithoutErrorLinesHasNone) {
  const WrkSummary s = parse_wrk("  10 requests in 1.00s, 1.00KB read\n");
  EXPECT_EQ(s.requests, 10);
  EXPECT_EQ(s.socket_errors, 0);
  EXPECT_EQ(s.non_2xx_3xx, 0);
  EXPECT_FALSE(parse_wrk("unable to connect to 127.0.0.1:1 Connection refused\n").requests.has_value());
}

TEST(ClientOutput, AbReadsCompleteFailedAndNon2xx) {
  const AbSummary s = parse_ab(
      "Complete requests:      2000\n"
      "Failed requests:        3\n"
      "   (Connect: 0, Receive: 0, Length: 3, Exceptions: 0)\n"
      "Non-2xx responses:      7\n"
      "Keep-Alive requests:    2000\n");
  EXPECT_EQ(s.complete, 2000);
  EXPECT_EQ(s.failed, 3);
  EXPECT_EQ(s.non_2xx, 7);
  EXPECT_FALSE(parse_ab("apr_socket_recv: Connection reset by peer (104)\n").failed.has_value());
}

TEST(ClientOutput, H2loadReadsRequestAndStatusCounts) {
  const H2loadSummary s = parse_h2load(
      "finished in 101.23ms, 19757.00 req/s, 2.58MB/s\n"
      "requests: 2000 total, 2000 started, 2000 done, 1990 succeeded, 10 failed, 1 errored, 2 timeout\n"
      "status codes: 1990 2xx, 0 3xx, 10 4xx, 0 5xx\n");
  EXPECT_EQ(s.total, 2000);
  EXPECT_EQ(s.succeeded, 1990);
  EXPECT_EQ(s.failed, 10);
  EXPECT_EQ(s.errored, 1);
  EXPECT_EQ(s.timed_out, 2);
  EXPECT_EQ(s.status_2xx, 1990);
}

TEST(ClientOutput, CurlHeadIsTheLastResponseHead) {
  auto r = parse_curl_head(
      "HTTP/1.1 100 Continue\r\n\r\n"
      "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n",
      "{}");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->version, "HTTP/1.1");
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->header("content-length"), "2");
  EXPECT_EQ(r->header("Content-Type"), "application/json");
  EXPECT_EQ(r->body, "{}");
  EXPECT_FALSE(parse_curl_head("", "").has_value());
}

}  // namespace
}  // namespace apibench::clients
