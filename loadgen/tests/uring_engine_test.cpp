// The io_uring engine gives the same results as the epoll engine: every scenario here runs
// on both, with the same expectations, against the in-process test server. Skipped (with
// the reason) where the kernel refuses io_uring, since run_load would fall back to epoll.
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/both_engines.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::BothEngines;
using testing::TestServer;

void expect_clean(const LoadResult& r) {
  EXPECT_GT(r.requests, 0u);
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_EQ(r.status_classes[2], r.requests);
  EXPECT_EQ(r.latency.count(), r.requests);
  EXPECT_EQ(r.service_time.count(), r.requests);
  EXPECT_GE(r.requests_sent, r.requests);
}

TEST_P(BothEngines, ClosedLoopCountsEveryResponse) {
  TestServer server;
  const auto r = run_load(spec(server.port()));
  expect_clean(r);
  EXPECT_FALSE(r.open_loop);
  EXPECT_LE(r.requests, server.requests_received());
  EXPECT_LE(r.requests_sent, r.requests + 4);  // at most one unanswered per connection at the end
  EXPECT_EQ(server.connections_accepted(), 4u);
  ASSERT_EQ(r.timeline.size(), 1u);
  EXPECT_EQ(r.timeline[0].requests, r.requests);
}

TEST_P(BothEngines, PipelinesOverSeveralThreads) {
  TestServer server;
  auto s = spec(server.port());
  s.threads = 2;
  s.connections = 3;
  s.pipeline = 4;
  const auto r = run_load(s);
  expect_clean(r);
  EXPECT_LE(r.requests_sent, r.requests + 3 * 4);
  EXPECT_EQ(server.connections_accepted(), 3u);
}

// Pipelined responses far larger than a provided buffer: each arrives in many pieces, and
// the buffers run out between turns (the receive ends with ENOBUFS and is re-armed).
TEST_P(BothEngines, LargePipelinedResponsesSpanManyBuffers) {
  const std::string body(100 * 1024, 'x');
  TestServer server("HTTP/1.1 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  auto s = spec(server.port());
  s.pipeline = 8;
  expect_clean(run_load(s));
}

TEST_P(BothEngines, ReadsChunkedResponses) {
  TestServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
  expect_clean(run_load(spec(server.port())));
}

TEST_P(BothEngines, AnnouncedCloseReconnectsWithoutErrors) {
  TestServer server("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok");
  auto s = spec(server.port(), 200ms);
  s.connections = 2;
  const auto r = run_load(s);
  expect_clean(r);
  EXPECT_GT(r.reconnects, 0u);
  EXPECT_GT(server.connections_accepted(), 2u);
}

// Over real sockets, no rate precision (the simulated clock checks the schedule exactly,
// open_loop_test.cpp): the schedule never sends ahead, so no more than is due in the window
// goes out (the warm-up is 0, so nothing due before it); every answer is counted, so only
// what was still on the wire when the window closed is missing.
TEST_P(BothEngines, OpenLoopLosesNothingAndCountsEveryAnswer) {
  TestServer server;
  auto s = spec(server.port(), 500ms);
  s.rate = 2000;
  s.threads = 2;
  s.pipeline = 2;
  const auto r = run_load(s);
  EXPECT_TRUE(r.open_loop);
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_GT(r.requests_sent, 0u);
  EXPECT_LE(r.requests_sent, 1000u + s.threads) << "due in 500 ms at 2000/s, plus one a thread for its phase";
  EXPECT_LE(r.requests, r.requests_sent);
  EXPECT_GE(r.requests + s.connections * s.pipeline, r.requests_sent) << "answers lost";
  EXPECT_EQ(r.status_classes[2], r.requests);
  EXPECT_EQ(r.service_time.count(), r.requests);
}

// Waits until the server has read at least `count` requests, giving up after 2 s (a
// generator that sends nothing then fails the assertions, it does not hang the test).
void wait_for_requests(const TestServer& server, std::uint64_t count) {
  const auto deadline = std::chrono::steady_clock::now() + 2s;
  while (server.requests_received() < count && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(1ms);
  }
}

// Pauses the server once the run is under way, and keeps it paused for `pause` after the
// first request it reads while paused. That request was sent before it was read and is
// answered only after the pause, so its service time is at least `pause`; a request due
// x after it is answered no sooner, so its latency is at least `pause` - x. Anchored on
// requests, not on a clock started beside the run, and sleeps only ever overshoot: a slow
// machine makes these waits longer, never shorter.
void stall_under_way(TestServer& server, std::chrono::milliseconds pause) {
  wait_for_requests(server, 50);
  server.set_paused(true);
  wait_for_requests(server, server.requests_received() + 1);
  std::this_thread::sleep_for(pause);
  server.set_paused(false);
}

// Each request's latency (from its due time) is at least its service time (from its send:
// the schedule never sends ahead), so every percentile of one is at least the other's.
void expect_latency_at_least_service_time(const LoadResult& r) {
  ASSERT_EQ(r.latency.count(), r.service_time.count());
  for (double p : {50.0, 90.0, 99.0, 99.9, 100.0}) {
    EXPECT_GE(r.latency.value_at_percentile(p), r.service_time.value_at_percentile(p)) << "p" << p;
  }
  EXPECT_GE(r.latency.max(), r.service_time.max());
}

// A 300 ms stall shows in the corrected latency's tail. Over real sockets only lower bounds
// that a stall sets are checked, which a slow machine can only exceed; that the service time
// hides the stall (p99 unchanged) is checked exactly on a simulated clock (open_loop_test.cpp).
// At 2000/s the 100 ms after the first request held by the pause have 200 requests due, each
// waiting at least 200 ms: 10% of the at most 2001 due in the run, so p99 >= 200 ms. A
// generator that timed from the send, or dropped what fell due during the stall, fails it.
// (The stall ends about 350 ms into the 1000 ms run: 650 ms to spare before the window closes.)
TEST_P(BothEngines, OpenLoopCorrectedLatencyShowsAStall) {
  TestServer server;
  auto s = spec(server.port(), 1000ms);
  s.rate = 2000;
  std::thread staller([&server] { stall_under_way(server, 300ms); });
  const auto r = run_load(s);
  staller.join();
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_EQ(r.latency.count(), r.requests);
  EXPECT_GE(r.latency.value_at_percentile(99), 200'000'000u);
  EXPECT_GE(r.service_time.max(), 300'000'000u) << "the request held by the pause";
  expect_latency_at_least_service_time(r);
}

TEST_P(BothEngines, RefusedConnectionsAreCountedAndTheRunCompletes) {
  const auto r = run_load(spec(testing::refused_port()));
  EXPECT_EQ(r.requests, 0u);
  EXPECT_EQ(r.connections_open, 0u);
  EXPECT_GE(r.errors.connect, 4u);
  EXPECT_EQ(r.errors.total(), r.errors.connect);
  EXPECT_EQ(r.elapsed, 300ms);
}

TEST_P(BothEngines, ServerClosingMidRunIsAReadErrorAndReconnected) {
  TestServer server;
  server.set_close_after(20);
  auto s = spec(server.port());
  s.connections = 2;
  s.pipeline = 2;  // a request is always outstanding when the server hangs up
  const auto r = run_load(s);
  EXPECT_GT(r.requests, 20u);
  EXPECT_GT(r.errors.read, 0u);
  EXPECT_EQ(r.errors.connect + r.errors.timeout + r.errors.bad_response, 0u);  // a send may hit the close too
  EXPECT_GT(r.reconnects, 0u);
  EXPECT_GT(server.connections_accepted(), 2u);
}

TEST_P(BothEngines, WrongContentLengthIsABadResponse) {
  TestServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokay");  // two bytes too many
  const auto r = run_load(spec(server.port(), 200ms));
  EXPECT_GT(r.errors.bad_response, 0u);
  EXPECT_EQ(r.errors.total(), r.errors.bad_response);
  EXPECT_GT(r.reconnects, 0u);
}

TEST_P(BothEngines, SilentServerTimesOut) {
  TestServer server;
  server.set_paused(true);
  auto s = spec(server.port(), 500ms);
  s.request_timeout = 100ms;
  const auto r = run_load(s);
  server.set_paused(false);
  EXPECT_EQ(r.requests, 0u);
  EXPECT_GE(r.errors.timeout, 4u);
  EXPECT_EQ(r.errors.total(), r.errors.timeout);
}

APIBENCH_FOR_BOTH_ENGINES(BothEngines);

}  // namespace
}  // namespace apibench::loadgen
