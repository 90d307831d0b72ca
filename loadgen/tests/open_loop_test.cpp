// The open loop's schedule, on a simulated clock (tests/simulated_thread.hpp): exactly the
// requests due are sent, a late turn or a stalled server delays sends but never drops them,
// and every request carries the time it was due, so latency counts the wait for a send
// (coordinated omission). Real sockets: BothEngines.OpenLoopLosesNothingAndCountsEveryAnswer.
#include <algorithm>
#include <cstdint>
#include <vector>

#include <gtest/gtest.h>

#include "loadgen/open_loop_schedule.hpp"
#include "loadgen/tests/simulated_thread.hpp"
#include "loadgen/tests/spec_helpers.hpp"

namespace apibench::loadgen {
namespace {

using namespace std::chrono_literals;
using testing::kMs;
using testing::SimulatedThread;

// rate 4000/s: a request due every 0.25 ms, so a turn every 1 ms sends four.
constexpr double kRate = 4000;
constexpr std::int64_t kInterval = 250'000;

LoadSpec spec_of(unsigned connections, unsigned pipeline) {
  auto spec = testing::short_spec(1, 1000ms);
  spec.rate = kRate;
  spec.warmup = 100ms;  // window 100 .. 1100 ms of the simulated clock
  spec.connections = connections;
  spec.pipeline = pipeline;
  return spec;
}

// The answered requests, by due time, are the schedule's first ones with none missing or
// repeated: the k-th was due at first_due + k * interval, and none was sent before it.
void expect_the_schedule_without_gaps(std::vector<InFlight> answered, std::int64_t first_due) {
  std::sort(answered.begin(), answered.end(),
            [](const InFlight& a, const InFlight& b) { return a.intended_ns < b.intended_ns; });
  for (std::size_t k = 0; k < answered.size(); ++k) {
    ASSERT_EQ(answered[k].intended_ns, first_due + static_cast<std::int64_t>(k) * kInterval) << "request " << k;
    ASSERT_GE(answered[k].sent_ns, answered[k].intended_ns) << "request " << k << " sent ahead of time";
  }
}

const InFlight& due_at(const std::vector<InFlight>& answered, std::int64_t due) {
  const auto found = std::find_if(answered.begin(), answered.end(),
                                  [due](const InFlight& r) { return r.intended_ns == due; });
  EXPECT_NE(found, answered.end()) << "nothing due at " << due;
  return found == answered.end() ? answered.front() : *found;
}

TEST(OpenLoopSchedule, TheKthRequestIsDueAtStartPlusKIntervalsWithoutDrift) {
  OpenLoopSchedule schedule(1'000, 250.4);
  EXPECT_EQ(schedule.next_due_ns(), 1'000);
  schedule.advance();
  EXPECT_EQ(schedule.next_due_ns(), 1'250);
  for (int k = 1; k < 1000; ++k) schedule.advance();
  EXPECT_EQ(schedule.next_due_ns(), 1'000 + 250'400) << "rounding is not carried from one send to the next";
}

// Turns every 1 ms from the warm-up to the end of the window: the window's 1000 turns send
// the 4000 requests due between the turn before it and its last turn, each at its due time.
TEST(OpenLoopSchedule, SendsExactlyTheRequestsDueInTheWindow) {
  SimulatedThread thread(spec_of(8, 8), kRate);
  thread.turns(0, 2000 * kMs, kMs);
  EXPECT_EQ(thread.totals().requests_sent, 4000u);
  EXPECT_EQ(thread.totals().requests, 4000u);
  EXPECT_EQ(thread.totals().errors.total(), 0u);
  EXPECT_EQ(thread.answered().size(), 4397u) << "due up to the last turn, 1099 ms: 0 .. 1099 ms every 0.25 ms";
  expect_the_schedule_without_gaps(thread.answered(), 0);
  for (const auto& r : thread.answered()) ASSERT_LT(r.sent_ns - r.intended_ns, kMs) << "sent at the first turn after";
}

// Threads start out of step by their phase, a fraction of their interval.
TEST(OpenLoopSchedule, AThreadsPhaseDelaysItsFirstSend) {
  SimulatedThread thread(spec_of(8, 8), kRate, 0.5);
  thread.turns(0, 10 * kMs, kMs / 8);
  ASSERT_FALSE(thread.answered().empty());
  expect_the_schedule_without_gaps(thread.answered(), kInterval / 2);
}

// The generator thread is off the CPU from 400 to 700 ms (no turn). Its first turn after
// sends the 1200 requests due meanwhile, stamped with their due times: the latency of the
// first counts the 300 ms it waited for a send; the server answered at once (service time 0).
TEST(OpenLoopSchedule, ALateTurnSendsTheBacklogStampedWithItsDueTimes) {
  SimulatedThread thread(spec_of(8, 8), kRate);
  thread.turns(0, 400 * kMs, kMs);
  thread.turns(700 * kMs, 2000 * kMs, kMs);
  EXPECT_EQ(thread.totals().requests_sent, 4000u) << "the backlog was sent, not dropped";
  EXPECT_EQ(thread.totals().requests, 4000u);
  expect_the_schedule_without_gaps(thread.answered(), 0);
  const InFlight& first_late = due_at(thread.answered(), 399 * kMs + kInterval);
  EXPECT_EQ(first_late.sent_ns, 700 * kMs);
  EXPECT_EQ(thread.totals().latency.max(), static_cast<std::uint64_t>(700 * kMs - first_late.intended_ns));
  EXPECT_EQ(thread.totals().service_time.max(), 0u);
}

// The server stops answering from 400 to 700 ms: the 8 requests on the wire wait 300 ms
// (service time), the connections are full, and the requests due meanwhile wait to be sent;
// once answers resume they go, stamped with their due times, so the corrected latency shows
// the stall the service time hides.
TEST(OpenLoopSchedule, AStalledServerDelaysSendsButTheLatencyCountsFromTheirDueTimes) {
  SimulatedThread thread(spec_of(8, 1), kRate);
  thread.turns(0, 400 * kMs, kMs);
  thread.set_server_paused(true);
  thread.turns(400 * kMs, 700 * kMs, kMs);
  thread.set_server_paused(false);
  thread.turns(700 * kMs, 2000 * kMs, kMs);
  EXPECT_EQ(thread.totals().requests_sent, 4000u) << "the backlog was caught up, not dropped";
  EXPECT_EQ(thread.totals().requests, 4000u);
  expect_the_schedule_without_gaps(thread.answered(), 0);
  // Due after the 8 filled the connections, sent in the turn after the answers came back.
  EXPECT_EQ(due_at(thread.answered(), 401 * kMs + kInterval).sent_ns, 701 * kMs);
  EXPECT_EQ(thread.totals().service_time.max(), static_cast<std::uint64_t>(300 * kMs)) << "on the wire at 400 ms";
  EXPECT_LT(thread.totals().service_time.value_at_percentile(99), static_cast<std::uint64_t>(kMs));
  EXPECT_GE(thread.totals().latency.value_at_percentile(99), static_cast<std::uint64_t>(200 * kMs));
}

}  // namespace
}  // namespace apibench::loadgen
