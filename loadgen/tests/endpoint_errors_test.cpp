// Errors by kind per endpoint: a server that misanswers or hangs up on one endpoint's
// requests while it answers another's: the errors land on the broken endpoint only, in the
// result, its JSON and its CSV, merged over two threads.
#include <string>

#include <gtest/gtest.h>

#include "loadgen/csv_output.hpp"
#include "loadgen/load.hpp"
#include "loadgen/result_json.hpp"
#include "loadgen/tests/both_engines.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using testing::TestServer;

class EndpointErrors : public testing::BothEngines {
 protected:
  // "fine" (GET /fine) and `broken` (GET /broken), half each, over two threads.
  LoadSpec two_endpoints(std::uint16_t port) const {
    auto s = spec(port);
    s.threads = 2;
    s.requests = {{"fine", "GET /fine HTTP/1.1\r\nHost: t\r\n\r\n", 1.0},
                  {"broken", "GET /broken HTTP/1.1\r\nHost: t\r\n\r\n", 1.0}};
    return s;
  }
};

// The fine endpoint is clean; the broken one has every error of the run, all of one kind.
void expect_errors_on_broken_only(const LoadResult& r, std::uint64_t ErrorCounts::*kind) {
  ASSERT_EQ(r.endpoints.size(), 2u);
  const auto& fine = r.endpoints[0];
  const auto& broken = r.endpoints[1];
  EXPECT_GT(fine.requests, 0u);
  EXPECT_EQ(fine.status_classes[2], fine.requests);
  EXPECT_EQ(fine.errors.total(), 0u);
  EXPECT_EQ(broken.requests, 0u);
  EXPECT_GT(broken.errors.*kind, 0u);
  EXPECT_EQ(broken.errors.*kind, r.errors.*kind);
  EXPECT_EQ(broken.errors.total(), r.errors.total());
}

TEST_P(EndpointErrors, AMalformedContentLengthIsABadResponseOfItsEndpoint) {
  TestServer server;
  server.set_response_for("/broken", "HTTP/1.1 200 OK\r\nContent-Length: two\r\n\r\nok");
  const auto r = run_load(two_endpoints(server.port()));
  expect_errors_on_broken_only(r, &ErrorCounts::bad_response);
}

TEST_P(EndpointErrors, AHangUpIsAReadErrorOfItsEndpoint) {
  TestServer server;
  server.set_response_for("/broken", "");  // closes the connection unanswered
  const auto r = run_load(two_endpoints(server.port()));
  expect_errors_on_broken_only(r, &ErrorCounts::read);
  EXPECT_GT(r.reconnects, 0u);
}

TEST_P(EndpointErrors, AppearInTheJsonAndTheCsv) {
  TestServer server;
  server.set_response_for("/broken", "");
  const auto s = two_endpoints(server.port());
  const auto r = run_load(s);
  ASSERT_EQ(r.endpoints.size(), 2u);
  const auto json = nlohmann::json::parse(load_result_to_json(s, r).dump());
  EXPECT_EQ(json["endpoints"][0]["errors"]["total"], 0u);
  EXPECT_EQ(json["endpoints"][1]["errors"]["read"], r.endpoints[1].errors.read);
  EXPECT_EQ(json["endpoints"][1]["errors"]["total"], r.errors.total());
  const auto csv = load_result_to_csv(r);
  const auto broken_row = csv.substr(csv.find("\nbroken,"));
  const auto errors = std::to_string(r.endpoints[1].errors.read);
  EXPECT_NE(broken_row.find(",0," + errors + ",0,0,0," + errors + ","), std::string::npos) << csv;
}

APIBENCH_FOR_BOTH_ENGINES(EndpointErrors);

}  // namespace
}  // namespace apibench::loadgen
