#include "loadgen/sweep.hpp"

#include <gtest/gtest.h>

#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/tests/test_server.hpp"

namespace lg = apibench::loadgen;
using namespace std::chrono_literals;

namespace {

lg::LoadResult made_up(std::uint64_t requests, std::uint64_t p99_ns, std::uint64_t errors = 0) {
  lg::LoadResult r;
  r.requests = requests;
  r.elapsed = 1s;
  r.status_classes[2] = requests;
  r.errors.timeout = errors;
  for (std::uint64_t i = 0; i < 100; ++i) r.latency.record(i < 98 ? 1000 : p99_ns);
  return r;
}

}  // namespace

TEST(SweepJudge, MetMissedAndWhy) {
  lg::SweepSpec s;
  s.slo = 10ms;
  EXPECT_TRUE(lg::judge_step(1000, made_up(1000, 5'000'000), s).met);
  EXPECT_STREQ(lg::judge_step(1000, made_up(1000, 20'000'000), s).verdict, "p99 over the SLO");
  EXPECT_STREQ(lg::judge_step(1000, made_up(1000, 1000, 3), s).verdict, "errors");
  EXPECT_STREQ(lg::judge_step(1000, made_up(900, 1000), s).verdict, "fell behind");
  auto not_found = made_up(1000, 1000);
  not_found.status_classes[4] = 1;
  EXPECT_STREQ(lg::judge_step(1000, not_found, s).verdict, "errors");
}

TEST(Sweep, StopsAtTheFirstStepOverTheSlo) {
  lg::testing::TestServer server;
  server.set_delay(20ms);  // every response is slower than the SLO
  lg::SweepSpec s;
  s.slo = 5ms;
  s.step_duration = 300ms;
  auto r = lg::run_sweep(lg::testing::short_spec(server.port()), s);
  EXPECT_GT(r.probe_requests_per_second, 0);
  ASSERT_EQ(r.steps.size(), 1u);
  EXPECT_FALSE(r.steps[0].met);
  EXPECT_FALSE(r.max_rate.has_value());
}

TEST(Sweep, RisesWhileStepsMeetTheSlo) {
  lg::testing::TestServer server;
  lg::SweepSpec s;
  s.slo = 1s;  // any healthy step meets it
  s.step_duration = 300ms;
  s.max_steps = 2;
  s.start_fraction = 0.05;  // rates far below capacity, so the steps keep up on a loaded machine
  auto r = lg::run_sweep(lg::testing::short_spec(server.port()), s);
  ASSERT_EQ(r.steps.size(), 2u);
  EXPECT_TRUE(r.steps[0].met) << r.steps[0].verdict;
  EXPECT_TRUE(r.steps[1].met) << r.steps[1].verdict;
  EXPECT_NEAR(r.steps[1].rate / r.steps[0].rate, s.growth, 1e-9);
  for (const auto& step : r.steps) EXPECT_EQ(step.result.connections_open, 4u);  // opened before each step's clock
  ASSERT_TRUE(r.max_rate.has_value());
  EXPECT_EQ(*r.max_rate, r.steps[1].rate);
}
