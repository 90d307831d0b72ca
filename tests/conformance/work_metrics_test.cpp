// /work (blocking handlers), /metrics, and graceful shutdown with work in flight.
#include <signal.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "tests/conformance/server_under_test.hpp"

namespace apibench::conformance {
namespace {

using testing::get_request;
using namespace std::chrono_literals;
using WorkMetrics = ServerTest;

TEST_P(WorkMetrics, WorkSleepsAndReports) {
  APIBENCH_REQUIRE_ROUTE("work");
  auto r = send(get_request("/work?ms=20"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(nlohmann::json::parse(r->body, nullptr, false), nlohmann::json({{"slept_ms", 20}}));
  for (const char* bad : {"/work?ms=1001", "/work?ms=-1", "/work?ms=x", "/work"}) expect_error(send(get_request(bad)), 400);
}

TEST_P(WorkMetrics, BlockedHandlersDoNotStallOthers) {
  APIBENCH_REQUIRE_ROUTE("work");
  // More blocked handlers than the server has threads; /json must still be answered before any of them.
  std::vector<testing::TestConnection> blocked;
  for (int i = 0; i < 16; ++i) {
    blocked.push_back(connect());
    blocked.back().send(get_request("/work?ms=1000"));
  }
  auto quick = send(get_request("/json"));
  ASSERT_TRUE(quick.has_value());
  EXPECT_EQ(quick->status, 200);
  for (auto& c : blocked) {
    auto r = c.read_response(0ms);
    EXPECT_FALSE(r.has_value()) << "a 1 s /work answered before /json: /json was stalled behind it";
  }
  for (auto& c : blocked) {
    auto r = c.read_response(10s);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->status, 200);
  }
}

TEST_P(WorkMetrics, SigtermFinishesRequestsInFlight) {
  APIBENCH_REQUIRE_ROUTE("work");
  auto c = connect();
  c.send(get_request("/work?ms=300"));
  std::this_thread::sleep_for(50ms);  // let the request reach its handler
  ::kill(process().pid(), SIGTERM);
  auto r = c.read_response(5s);
  ASSERT_TRUE(r.has_value()) << "the request in flight was dropped by the shutdown";
  EXPECT_EQ(r->status, 200);
}

TEST_P(WorkMetrics, MetricsCountRequests) {
  APIBENCH_REQUIRE_ROUTE("metrics");
  for (int i = 0; i < 3; ++i) send(get_request("/json"));
  send(get_request("/nope"));
  auto r = send(get_request("/metrics"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Content-Type").value_or("").rfind("text/plain", 0), 0u);
  EXPECT_NE(r->body.find("apibench_requests_total{route=\"json\",status=\"200\"} 3"), std::string::npos) << r->body;
  EXPECT_NE(r->body.find("apibench_requests_total{route=\"not_found\",status=\"404\"} 1"), std::string::npos);
  EXPECT_NE(r->body.find("apibench_connections_open"), std::string::npos);
  EXPECT_NE(r->body.find("apibench_cache_evictions_total"), std::string::npos);
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(WorkMetrics);

}  // namespace
}  // namespace apibench::conformance
