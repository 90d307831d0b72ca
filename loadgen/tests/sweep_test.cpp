#include "loadgen/sweep.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

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

// Runs spec with the server paused for its first `stall`: requests wait unanswered, as
// behind a transient stall of the machine, and are answered once it ends.
lg::LoadResult run_with_stall(lg::testing::TestServer& server, const lg::LoadSpec& spec,
                              std::chrono::milliseconds stall) {
  server.set_paused(true);
  std::thread resume([&server, stall] {
    std::this_thread::sleep_for(stall);
    server.set_paused(false);
  });
  lg::LoadResult r = lg::run_load(spec);
  resume.join();
  return r;
}

// Steps long enough that a 300 ms stall leaves the rest of the window to catch up (so the
// step is not judged "fell behind"), an SLO far above a healthy p99 and far below the stall.
lg::SweepSpec stall_sweep() {
  lg::SweepSpec s;
  s.slo = 100ms;
  s.step_duration = 600ms;
  s.max_steps = 2;
  s.start_fraction = 0.05;  // rates far below capacity, so the steps keep up on a loaded machine
  return s;
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

TEST(SweepJudge, ARerunThatMeetsTheSloSaysSoAndKeepsTheFirstAttempt) {
  lg::SweepSpec s;
  s.slo = 10ms;
  auto first = lg::judge_attempt(1000, made_up(1000, 20'000'000), s);
  auto step = lg::make_step(1000, first, lg::judge_attempt(1000, made_up(1000, 5'000'000), s));
  EXPECT_TRUE(step.met);
  EXPECT_STREQ(step.verdict, lg::kMetOnRerun);
  ASSERT_TRUE(step.rerun());
  EXPECT_STREQ(step.first_attempt->verdict, "p99 over the SLO");
  auto missed_twice = lg::make_step(1000, first, lg::judge_attempt(1000, made_up(1000, 20'000'000), s));
  EXPECT_FALSE(missed_twice.met);
  EXPECT_STREQ(missed_twice.verdict, "p99 over the SLO");
}

TEST(Sweep, OneStallIsRerunAndTheSweepGoesOn) {
  lg::testing::TestServer server;
  unsigned loads = 0;  // 0: the probe, 1: the first step's first attempt
  auto run = [&](const lg::LoadSpec& spec) {
    return loads++ == 1 ? run_with_stall(server, spec, 300ms) : lg::run_load(spec);
  };
  auto r = lg::run_sweep(lg::testing::short_spec(server.port()), stall_sweep(), run);
  ASSERT_EQ(r.steps.size(), 2u);
  const auto& stalled = r.steps[0];
  ASSERT_TRUE(stalled.rerun());
  EXPECT_FALSE(stalled.first_attempt->met);
  EXPECT_STREQ(stalled.first_attempt->verdict, "p99 over the SLO");
  EXPECT_TRUE(stalled.met) << stalled.verdict;
  EXPECT_STREQ(stalled.verdict, lg::kMetOnRerun);
  EXPECT_FALSE(r.steps[1].rerun()) << r.steps[1].verdict;
  EXPECT_TRUE(r.steps[1].met) << r.steps[1].verdict;
  ASSERT_TRUE(r.max_rate.has_value());
  EXPECT_EQ(*r.max_rate, r.steps[1].rate);
  EXPECT_EQ(loads, 4u);  // the probe, two attempts of the first step, one of the second
}

TEST(Sweep, AStepThatMissesTwiceStopsTheSweep) {
  lg::testing::TestServer server;
  unsigned loads = 0;
  auto run = [&](const lg::LoadSpec& spec) {
    return loads++ == 0 ? lg::run_load(spec) : run_with_stall(server, spec, 300ms);  // every attempt stalls
  };
  auto r = lg::run_sweep(lg::testing::short_spec(server.port()), stall_sweep(), run);
  ASSERT_EQ(r.steps.size(), 1u);
  EXPECT_TRUE(r.steps[0].rerun());
  EXPECT_FALSE(r.steps[0].met);
  EXPECT_STREQ(r.steps[0].verdict, "p99 over the SLO");
  EXPECT_FALSE(r.max_rate.has_value());
  EXPECT_EQ(loads, 3u);
}

// The probe both a sweep and an open-loop cell start with: the spec as given, closed loop.
TEST(SweepProbe, RunsTheSpecClosedLoop) {
  auto spec = lg::testing::short_spec(1234, 700ms);
  spec.rate = 500;
  spec.connections = 3;
  std::vector<lg::LoadSpec> seen;
  const auto result = lg::run_probe(spec, [&](const lg::LoadSpec& s) {
    seen.push_back(s);
    return made_up(42, 1000);
  });
  EXPECT_EQ(result.requests, 42u);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_FALSE(seen[0].rate);
  EXPECT_EQ(seen[0].connections, 3u);
  EXPECT_EQ(seen[0].duration, 700ms);
  EXPECT_EQ(seen[0].port, 1234);
}
