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

// A refused connect, a server closing mid-run, a wrong Content-Length and a silent server:
// BothEngines (uring_engine_test.cpp) runs them on both engines.

TEST(ErrorPaths, GarbageIsABadResponse) {
  TestServer server("not http at all\r\n\r\n");
  const auto r = run_load(short_spec(server.port(), 200ms));
  EXPECT_EQ(r.requests, 0u);
  EXPECT_GT(r.errors.bad_response, 0u);
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
