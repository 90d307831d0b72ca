#include <stdexcept>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::short_spec;
using testing::TestServer;

TEST(ErrorPaths, RefusedConnectionsAreCountedAndTheRunCompletes) {
  const auto r = run_load(short_spec(testing::refused_port()));
  EXPECT_EQ(r.requests, 0u);
  EXPECT_GE(r.errors.connect, 4u);
  EXPECT_EQ(r.errors.total(), r.errors.connect);
  EXPECT_EQ(r.elapsed, 300ms);
}

TEST(ErrorPaths, ServerClosingMidRunIsCountedAndReconnected) {
  TestServer server;
  server.set_close_after(20);
  auto spec = short_spec(server.port());
  spec.connections = 2;
  spec.pipeline = 2;  // a request is always outstanding when the server hangs up
  const auto r = run_load(spec);
  EXPECT_GT(r.requests, 20u);
  EXPECT_GT(r.errors.read, 0u);
  EXPECT_GT(r.reconnects, 0u);
  EXPECT_GT(server.connections_accepted(), 2u);
}

TEST(ErrorPaths, WrongContentLengthIsABadResponse) {
  TestServer server("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokay");  // two bytes too many
  const auto r = run_load(short_spec(server.port(), 200ms));
  EXPECT_GT(r.errors.bad_response, 0u);
  EXPECT_GT(r.reconnects, 0u);
}

TEST(ErrorPaths, GarbageIsABadResponse) {
  TestServer server("not http at all\r\n\r\n");
  const auto r = run_load(short_spec(server.port(), 200ms));
  EXPECT_EQ(r.requests, 0u);
  EXPECT_GT(r.errors.bad_response, 0u);
}

TEST(ErrorPaths, SilentServerTimesOut) {
  TestServer server;
  server.set_paused(true);
  auto spec = short_spec(server.port(), 500ms);
  spec.request_timeout = 100ms;
  const auto r = run_load(spec);
  server.set_paused(false);
  EXPECT_EQ(r.requests, 0u);
  EXPECT_GE(r.errors.timeout, 4u);
}

TEST(ErrorPaths, SpecsThatCannotRunAreRejected) {
  auto spec = short_spec(1);
  spec.requests.clear();
  EXPECT_THROW(run_load(spec), std::invalid_argument);
  spec = short_spec(1);
  spec.connections = 0;
  EXPECT_THROW(run_load(spec), std::invalid_argument);
  spec = short_spec(1);
  spec.rate = -5;
  EXPECT_THROW(run_load(spec), std::invalid_argument);
  spec = short_spec(1);
  spec.host = "no such host.invalid";
  EXPECT_THROW(run_load(spec), std::invalid_argument);
}

}  // namespace
}  // namespace apibench::loadgen
