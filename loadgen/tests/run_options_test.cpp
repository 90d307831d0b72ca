// Run options beyond duration: a request count (-n) and setup requests sent before the run.
#include <chrono>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::short_spec;
using testing::TestServer;

TEST(RequestCount, ClosedLoopStopsAtExactlyN) {
  TestServer server;
  auto spec = short_spec(server.port(), 20s);  // the duration is only the bound
  spec.threads = 2;
  spec.pipeline = 4;
  spec.request_count = 1001;
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_load(spec);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 15s);  // it stopped on the count, not the 20 s bound
  EXPECT_EQ(r.requests, 1001u);
  EXPECT_EQ(r.latency.count(), 1001u);
  EXPECT_LT(r.elapsed, 20s);
  EXPECT_GT(r.elapsed.count(), 0);
  EXPECT_LE(r.timeline.size(), static_cast<std::size_t>(r.elapsed / 1s) + 1);
}

TEST(RequestCount, OpenLoopStopsAtExactlyN) {
  TestServer server;
  auto spec = short_spec(server.port(), 20s);
  spec.rate = 2000;
  spec.request_count = 300;
  const auto started = std::chrono::steady_clock::now();
  const auto r = run_load(spec);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 15s);
  EXPECT_EQ(r.requests, 300u);
  EXPECT_EQ(r.service_time.count(), 300u);
  EXPECT_LT(r.elapsed, 20s);
}

TEST(RequestCount, TheDurationBoundsARunThatCannotReachN) {
  auto spec = short_spec(testing::refused_port(), 300ms);
  spec.request_count = 10;
  const auto r = run_load(spec);
  EXPECT_EQ(r.requests, 0u);
  EXPECT_GT(r.errors.connect, 0u);
  EXPECT_EQ(r.elapsed, 300ms);
}

TEST(RequestCount, ZeroIsRejected) {
  TestServer server;
  auto spec = short_spec(server.port());
  spec.request_count = 0;
  EXPECT_THROW(run_load(spec), std::invalid_argument);
}

TEST(Setup, RequestsAreSentBeforeTheRun) {
  TestServer server;
  auto spec = short_spec(server.port(), 100ms);
  for (int i = 0; i < 150; ++i) spec.setup.push_back("PUT /cache/k" + std::to_string(i) + " HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nv");
  spec.request_count = 1;
  const auto r = run_load(spec);
  EXPECT_EQ(r.requests, 1u);
  EXPECT_GE(server.requests_received(), 151u);
}

TEST(Setup, ANon2xxAnswerFailsTheRunWithTheRequestLine) {
  TestServer server("HTTP/1.1 413 Payload Too Large\r\nContent-Length: 0\r\n\r\n");
  auto spec = short_spec(server.port(), 100ms);
  spec.setup = {"PUT /cache/big HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nv"};
  try {
    run_load(spec);
    FAIL() << "the setup failure was not reported";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("'PUT /cache/big HTTP/1.1' was answered 413"), std::string::npos) << e.what();
  }
}

TEST(Setup, ARefusedConnectionFailsTheRun) {
  auto spec = short_spec(testing::refused_port(), 100ms);
  spec.setup = {"GET / HTTP/1.1\r\nHost: t\r\n\r\n"};
  EXPECT_THROW(run_load(spec), std::runtime_error);
}

}  // namespace
}  // namespace apibench::loadgen
