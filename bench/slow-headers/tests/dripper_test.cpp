// The client against an in-process go-style server whose header timeout is short,
// so its connections are dropped and reopened within a two-second run.
#include "dripper.hpp"

#include <gtest/gtest.h>

#include "test_server.hpp"

namespace apibench::slow_headers {
namespace {

constexpr std::int64_t kSecondNs = 1'000'000'000;

Options options_for(std::uint16_t port, bool burst) {
  Options options;
  options.port = port;
  options.connections = 20;
  options.duration = std::chrono::milliseconds(2200);
  options.burst = burst;
  return options;
}

contract::ServerOptions short_header_timeout() {
  contract::ServerOptions options = gostyle::test::test_options();
  options.header_timeout = std::chrono::milliseconds(500);
  return options;
}

void expect_dropped_and_reopened(const DropLog& log) {
  EXPECT_EQ(log.kept_open, 20u);
  EXPECT_EQ(log.refused, 0u);
  ASSERT_FALSE(log.drops.empty());
  // Every connection opened at least once, and some again after their drop.
  EXPECT_GT(log.opened, 20u);
  for (const Drop& drop : log.drops) {
    EXPECT_GE(drop.after_byte_ns, 0) << "each dropped connection had sent its first byte";
    EXPECT_LT(drop.after_byte_ns, 2 * kSecondNs) << "dropped by the header timeout, not at the end of the run";
  }
  EXPECT_NE(log.summary().find("dropped after their first byte"), std::string::npos);
}

TEST(Dripper, SpreadConnectionsAreDroppedByTheHeaderTimeoutAndReopened) {
  gostyle::test::RunningServer server(short_header_timeout());
  const std::atomic<bool> stop{false};
  expect_dropped_and_reopened(drip(options_for(server.port(), false), stop));
}

TEST(Dripper, BurstConnectionsAreDroppedByTheHeaderTimeoutAndReopened) {
  gostyle::test::RunningServer server(short_header_timeout());
  const std::atomic<bool> stop{false};
  expect_dropped_and_reopened(drip(options_for(server.port(), true), stop));
}

TEST(Dripper, ARaisedStopFlagEndsTheRunAtOnce) {
  gostyle::test::RunningServer server(short_header_timeout());
  const std::atomic<bool> stop{true};
  Options options = options_for(server.port(), false);
  // The flag, not the duration, ends it: were it ignored, the run would open
  // connections for a minute and fail below rather than outlast ctest's timeout.
  options.duration = std::chrono::seconds(60);
  const DropLog log = drip(options, stop);
  EXPECT_EQ(log.opened, 0u);
  EXPECT_TRUE(log.drops.empty());
}

TEST(Dripper, ARefusedConnectIsCountedAndRetried) {
  std::uint16_t closed_port = 0;
  {
    gostyle::test::RunningServer server;  // a port that was free a moment ago and is closed now
    closed_port = server.port();
  }
  const std::atomic<bool> stop{false};
  Options options = options_for(closed_port, false);
  options.connections = 2;
  options.duration = std::chrono::milliseconds(1500);
  const DropLog log = drip(options, stop);
  EXPECT_GT(log.refused, 2u) << "each connection tries again on its next turn";
  EXPECT_TRUE(log.drops.empty());
}

}  // namespace
}  // namespace apibench::slow_headers
