#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::short_spec;
using testing::TestServer;

void expect_clean(const LoadResult& r) {
  EXPECT_GT(r.requests, 0u);
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_EQ(r.status_classes[2], r.requests);
  EXPECT_EQ(r.latency.count(), r.requests);
  EXPECT_EQ(r.service_time.count(), r.requests);
  EXPECT_GE(r.requests_sent, r.requests);
  EXPECT_FALSE(r.open_loop);
}

TEST(ClosedLoop, CompletesAndCountsRequests) {
  TestServer server;
  const auto r = run_load(short_spec(server.port()));
  expect_clean(r);
  // Every response counted was answered by the server (and at most 4 are unanswered at the end).
  EXPECT_LE(r.requests, server.requests_received());
  EXPECT_EQ(server.connections_accepted(), 4u);
  EXPECT_EQ(r.elapsed, 300ms);
  ASSERT_EQ(r.timeline.size(), 1u);
  EXPECT_EQ(r.timeline[0].requests, r.requests);
  EXPECT_GT(r.timeline[0].p99_ns, 0u);
}

TEST(ClosedLoop, PipelinesOverSeveralThreads) {
  TestServer server;
  auto spec = short_spec(server.port());
  spec.threads = 2;
  spec.connections = 3;
  spec.pipeline = 4;
  spec.cpus = {0};
  const auto r = run_load(spec);
  expect_clean(r);
  EXPECT_EQ(server.connections_accepted(), 3u);
}

TEST(ClosedLoop, WarmUpIsNotCounted) {
  TestServer server;
  server.set_delay(2ms);  // at most ~4 connections x 1 request per 2 ms
  auto spec = short_spec(server.port(), 200ms);
  spec.warmup = 300ms;
  const auto r = run_load(spec);
  expect_clean(r);
  EXPECT_LT(r.requests, server.requests_received() * 3 / 4);  // the warm-up's 60 % were answered but not counted
}

TEST(ClosedLoop, ReportsEndpointsByWeight) {
  TestServer server;
  auto spec = short_spec(server.port());
  spec.requests = {{"a", "GET /a HTTP/1.1\r\nHost: t\r\n\r\n", 3.0}, {"b", "GET /b HTTP/1.1\r\nHost: t\r\n\r\n", 1.0}};
  const auto r = run_load(spec);
  expect_clean(r);
  ASSERT_EQ(r.endpoints.size(), 2u);
  EXPECT_EQ(r.endpoints[0].name, "a");
  EXPECT_EQ(r.endpoints[0].requests + r.endpoints[1].requests, r.requests);
  const double share_a = static_cast<double>(r.endpoints[0].requests) / static_cast<double>(r.requests);
  EXPECT_NEAR(share_a, 0.75, 0.05);
}

// Chunked responses and an announced close: BothEngines (uring_engine_test.cpp) runs them
// on both engines.

}  // namespace
}  // namespace apibench::loadgen
