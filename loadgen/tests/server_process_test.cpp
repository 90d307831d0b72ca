// Against a server in another process, frozen with SIGSTOP for a second mid-run: the open
// loop's corrected latency shows the stall in its tail while the service time's median stays
// small, and a closed loop's tail hides it (coordinated omission). And a server killed
// mid-run: counted errors, and the run still completes.
#include <signal.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/server_process.hpp"
#include "loadgen/tests/spec_helpers.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::ServerProcess;

constexpr std::uint64_t kStallNs = 1'000'000'000;

// Runs `spec` while the server is stopped from 0.5 s to 1.5 s into the measured window.
LoadResult run_through_stall(const ServerProcess& server, LoadSpec spec) {
  std::thread staller([&server] {
    std::this_thread::sleep_for(500ms);
    server.signal(SIGSTOP);
    std::this_thread::sleep_for(std::chrono::nanoseconds(kStallNs));
    server.signal(SIGCONT);
  });
  const auto r = run_load(spec);
  staller.join();
  return r;
}

LoadSpec stall_spec(std::uint16_t port) {
  auto spec = testing::short_spec(port, 2500ms);
  spec.request_timeout = 5s;  // the stall is not a timeout
  return spec;
}

TEST(ServerProcess, OpenLoopCorrectedTailShowsAStopServiceTimeMedianDoesNot) {
  ServerProcess server;
  auto spec = stall_spec(server.port());
  spec.rate = 1000;
  const auto r = run_through_stall(server, spec);
  EXPECT_EQ(r.errors.total(), 0u);
  // About 1000 requests were due during the stop: more than 0.1% of the run waited most of it.
  EXPECT_GE(r.latency.max(), kStallNs * 8 / 10);
  EXPECT_GE(r.latency.value_at_percentile(99.9), kStallNs / 2);
  EXPECT_GE(r.latency.value_at_percentile(90), kStallNs / 10);
  // The service time only sees the few requests caught on the wire.
  EXPECT_LT(r.service_time.value_at_percentile(50), 50'000'000u);
  EXPECT_LT(r.service_time.value_at_percentile(90), kStallNs / 10);
}

TEST(ServerProcess, ClosedLoopTailHidesTheStopTheOpenLoopShows) {
  ServerProcess server;
  const auto closed = run_through_stall(server, stall_spec(server.port()));
  auto open_spec = stall_spec(server.port());
  open_spec.rate = 1000;
  const auto open = run_through_stall(server, open_spec);
  EXPECT_GE(closed.latency.max(), kStallNs * 8 / 10);  // the 4 connections did wait...
  // ...but only 4 requests of many: its p99 stays far below the corrected one.
  EXPECT_LT(closed.latency.value_at_percentile(99) * 5, open.latency.value_at_percentile(99));
}

TEST(ServerProcess, KilledMidRunIsCountedAndTheRunCompletes) {
  ServerProcess server;
  auto spec = testing::short_spec(server.port(), 1000ms);
  std::thread killer([&server] {
    std::this_thread::sleep_for(300ms);
    server.kill_and_reap();
  });
  const auto r = run_load(spec);
  killer.join();
  EXPECT_GT(r.requests, 0u);
  EXPECT_GT(r.errors.read + r.errors.connect, 0u);
  EXPECT_GT(r.errors.connect, 0u);  // reconnects to the dead port were refused and counted
  EXPECT_EQ(r.elapsed, 1000ms);
}

}  // namespace
}  // namespace apibench::loadgen
