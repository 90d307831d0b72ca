// Every connection is opened before the clock starts (as wrk does), so neither the warm-up
// nor the measured window pays for opening thousands of them: checked by what the run
// reports (connections open at the start), never by timing.
#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/both_engines.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::TestServer;

class ConnectionsFirst : public testing::BothEngines {};

void expect_all_open_and_answered(const LoadResult& r, unsigned connections) {
  EXPECT_EQ(r.connections_open, connections);
  EXPECT_EQ(r.errors.total(), 0u);
  EXPECT_GT(r.requests, 0u);
}

TEST_P(ConnectionsFirst, ManyConnectionsAreAllOpenWhenATinyWindowStarts) {
  TestServer server;
  auto s = spec(server.port(), 50ms);
  s.connections = 200;
  s.threads = 2;
  expect_all_open_and_answered(run_load(s), 200);
}

TEST_P(ConnectionsFirst, OpenLoopStartsWithEveryConnectionOpen) {
  TestServer server;
  auto s = spec(server.port(), 100ms);
  s.connections = 50;
  s.rate = 1000;
  expect_all_open_and_answered(run_load(s), 50);
}

// Nothing is sent while the connections open; when the clock starts, every connection
// sends its first request at once, so all of them are inside the window.
TEST_P(ConnectionsFirst, EveryConnectionSendsWhenTheClockStarts) {
  TestServer server;
  server.set_paused(true);  // requests pile up unanswered: one per connection, sent at the start
  auto s = spec(server.port(), 100ms);
  s.connections = 100;
  const auto r = run_load(s);
  server.set_paused(false);
  EXPECT_EQ(r.connections_open, 100u);
  EXPECT_EQ(r.requests_sent, 100u);  // every connection's request went out inside the window
  EXPECT_EQ(r.requests, 0u);
}

APIBENCH_FOR_BOTH_ENGINES(ConnectionsFirst);

}  // namespace
}  // namespace apibench::loadgen
