// --max-conns N: the N+1th connection is closed at once and counted in
// /metrics, while the N held connections keep being served.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "testing/http_client.hpp"
#include "tests/overload/metrics_text.hpp"
#include "tests/overload/server_process.hpp"

namespace apibench::overload {
namespace {
using namespace std::chrono_literals;

constexpr int kMaxConnections = 4;

bool answers_health(testing::TestConnection& c) {
  if (!c.send(testing::get_request("/health"))) return false;
  auto response = c.read_response(5s);
  return response && response->status == 200;
}

using MaxConnections = ServerUnderLoad;

TEST_P(MaxConnections, ConnectionPastTheLimitIsClosedAndCounted) {
  // Long timeouts: a close seen within seconds can only be the limit's doing.
  start({"--max-conns", std::to_string(kMaxConnections), "--idle-timeout-ms", "60000", "--header-timeout-ms", "60000"});
  std::vector<testing::TestConnection> held;
  for (int i = 0; i < kMaxConnections; ++i) {
    held.emplace_back(port());
    ASSERT_TRUE(answers_health(held.back())) << "connection " << i + 1 << " of " << kMaxConnections;
  }

  testing::TestConnection extra(port());
  EXPECT_TRUE(extra.closed_by_peer(5s)) << "connection " << kMaxConnections + 1 << " was not closed";

  for (std::size_t i = 0; i < held.size(); ++i) EXPECT_TRUE(answers_health(held[i])) << "held connection " << i + 1;
  ASSERT_TRUE(held[0].send(testing::get_request("/metrics")));
  auto metrics = held[0].read_response(5s);
  ASSERT_TRUE(metrics && metrics->status == 200);
  EXPECT_GE(metric_value(metrics->body, "apibench_connections_rejected_total").value_or(0), 1u) << metrics->body;
  EXPECT_EQ(metric_value(metrics->body, "apibench_connections_open"), std::uint64_t{kMaxConnections})
      << metrics->body;
}

TEST_P(MaxConnections, ClosingAHeldConnectionFreesItsPlace) {
  start({"--max-conns", "1"});
  {
    testing::TestConnection first(port());
    ASSERT_TRUE(answers_health(first));
  }
  // The server notices the close on its own time: a few tries, each a fresh connection.
  bool served = false;
  for (int attempt = 0; attempt < 50 && !served; ++attempt) {
    testing::TestConnection next(port());
    served = answers_health(next);
    if (!served) std::this_thread::sleep_for(100ms);
  }
  EXPECT_TRUE(served) << "no connection was served after the only held one closed";
}

INSTANTIATE_TEST_SUITE_P(CppServers, MaxConnections, ::testing::ValuesIn(cpp_servers()), server_param_name);

}  // namespace
}  // namespace apibench::overload
