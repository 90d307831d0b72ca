#include <cmath>
#include <cstdint>
#include <iostream>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::short_spec;
using testing::TestServer;
using testing::kOpenLoopCountTolerance;

TEST(OpenLoop, SendsAtTheRequestedRate) {
  TestServer server;
  auto spec = short_spec(server.port(), 1000ms);
  spec.rate = 2000;
  spec.threads = 2;
  const auto r = run_load(spec);
  EXPECT_TRUE(r.open_loop);
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_NEAR(static_cast<double>(r.requests_sent), 2000.0, 2000.0 * kOpenLoopCountTolerance);
  EXPECT_NEAR(static_cast<double>(r.requests), 2000.0, 2000.0 * kOpenLoopCountTolerance);
  EXPECT_EQ(r.service_time.count(), r.requests);
}

// The schedule holds the rate: the requests sent in the window are the ones due in it, to
// within 1% (a late send is caught up, not dropped). Connections and pipelining leave room,
// so a slow turn of the test server does not hold requests back.
// 1% is 15 ms of sends: a generator thread descheduled that long at either edge of the window
// (the machine's other work) moves sends across it. Such stalls are rare and random, so the
// rate must hold in one of three runs; a schedule that drops late sends misses in all three.
TEST(OpenLoop, HoldsTheAskedRateWithinOnePercent) {
  TestServer server;
  auto spec = short_spec(server.port(), 1500ms);
  spec.rate = 4000;
  spec.connections = 8;
  spec.pipeline = 8;
  spec.warmup = 200ms;
  std::vector<std::uint64_t> sent;
  for (int run = 0; run < 3; ++run) {
    sent.push_back(run_load(spec).requests_sent);
    if (std::abs(static_cast<double>(sent.back()) - 6000.0) <= 6000.0 * 0.01) return;
    std::cerr << "run " << run + 1 << ": " << sent.back() << " sent of 6000 due, outside 1%\n";  // seen in logs
  }
  ADD_FAILURE() << "sent in the window, three runs: " << ::testing::PrintToString(sent) << "; due: 6000";
}

// A server that stops answering for 300 ms: requests meant to go out during the stall wait
// for it, and the corrected latency shows that; the service time only sees the few requests
// that were already on the wire, so its p99 stays small (coordinated omission).
TEST(OpenLoop, CorrectedLatencyShowsAStallServiceTimeHides) {
  TestServer server;
  auto spec = short_spec(server.port(), 1000ms);
  spec.rate = 2000;
  spec.connections = 4;
  std::thread staller([&server] {
    std::this_thread::sleep_for(300ms);
    server.set_paused(true);
    std::this_thread::sleep_for(300ms);
    server.set_paused(false);
  });
  const auto r = run_load(spec);
  staller.join();
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_GE(r.latency.max(), 250'000'000u);
  EXPECT_GE(r.latency.value_at_percentile(99), 200'000'000u);
  EXPECT_GE(r.latency.value_at_percentile(90), 100'000'000u);
  EXPECT_LT(r.service_time.value_at_percentile(99), 50'000'000u);
  EXPECT_GE(r.service_time.max(), 200'000'000u);  // the few caught on the wire did wait
  // The backlog was caught up (dropping it would lose the 30% due during the stall).
  EXPECT_NEAR(static_cast<double>(r.requests_sent), 2000.0, 2000.0 * kOpenLoopCountTolerance);
}

}  // namespace
}  // namespace apibench::loadgen
