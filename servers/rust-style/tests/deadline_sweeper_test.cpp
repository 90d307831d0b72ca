// The DeadlineSweeper without sockets: watches whose expiry records their id,
// and sweeps given the time, so the tests say exactly when a deadline is due.
#include "deadline_sweeper.hpp"

#include <gtest/gtest.h>

#include <boost/asio/io_context.hpp>
#include <deque>
#include <stdexcept>
#include <vector>

namespace apibench::rust_style {
namespace {

using namespace std::chrono_literals;

struct Probe {
  Probe(int id, std::vector<int>& expired) : id(id), expired(expired) {}
  static void record(void* probe) noexcept {
    auto* self = static_cast<Probe*>(probe);
    self->expired.push_back(self->id);
  }
  int id;
  std::vector<int>& expired;
  ConnectionWatch watch{record, this};
};

class Sweeper : public ::testing::Test {
 protected:
  Probe& probe() {
    probes_.emplace_back(static_cast<int>(probes_.size()), expired_);
    sweeper_.watch(probes_.back().watch);
    return probes_.back();
  }
  void sweep_all(Clock::time_point now) {
    for (int slices = 0; sweeper_.sweep_slice(now); ++slices) ASSERT_LT(slices, 1'000'000);
  }

  boost::asio::io_context io_;
  DeadlineSweeper sweeper_{io_};
  std::vector<int> expired_;
  std::deque<Probe> probes_;  // pinned: the sweeper holds their addresses
};

TEST_F(Sweeper, ExpiresInDeadlineOrderAcrossLanes) {
  const LaneId slow = sweeper_.lane_for(300ms), fast = sweeper_.lane_for(100ms), middle = sweeper_.lane_for(200ms);
  Probe &a = probe(), &b = probe(), &c = probe();
  const Deadline d_slow = sweeper_.deadline_after(slow), d_fast = sweeper_.deadline_after(fast);
  sweeper_.arm(a.watch, d_slow);
  sweeper_.arm(b.watch, d_fast);
  sweeper_.arm(c.watch, sweeper_.deadline_after(middle));
  sweep_all(d_fast.at - 1ns);
  EXPECT_TRUE(expired_.empty());
  sweep_all(d_fast.at);
  EXPECT_EQ(expired_, std::vector<int>{b.id});
  sweep_all(d_slow.at);
  EXPECT_EQ(expired_, (std::vector<int>{b.id, c.id, a.id}));
}

TEST_F(Sweeper, EqualLengthsShareALaneAndTooManyLengthsAreRefused) {
  EXPECT_EQ(sweeper_.lane_for(5s), sweeper_.lane_for(5s));
  for (int i = 1; i < static_cast<int>(DeadlineSweeper::kMaxLanes); ++i) sweeper_.lane_for(std::chrono::seconds(5 + i));
  EXPECT_THROW(sweeper_.lane_for(1h), std::length_error);
}

// A request head's deadline is armed again after every read: it must stay
// ahead of the watches armed since, or it would expire when they do.
TEST_F(Sweeper, ReArmingTheSameDeadlineKeepsItsPlace) {
  const LaneId lane = sweeper_.lane_for(100ms);
  Probe &head = probe(), &later = probe();
  const Deadline d_head = sweeper_.deadline_after(lane);
  sweeper_.arm(head.watch, d_head);
  sweep_all(d_head.at - 50ms);  // the clock moves on
  sweeper_.arm(later.watch, sweeper_.deadline_after(lane, d_head.at - 50ms));
  head.watch.clear();
  sweeper_.arm(head.watch, d_head);
  sweep_all(d_head.at);
  EXPECT_EQ(expired_, std::vector<int>{head.id});
}

// The rare case: the sweep dropped the cleared watch, then its old deadline
// is armed again; it goes to its place, not behind the later ones.
TEST_F(Sweeper, AnOldDeadlineArmedAfterTheSweepDroppedItIsStillOnTime) {
  const LaneId lane = sweeper_.lane_for(100ms);
  Probe &head = probe(), &later = probe();
  const Deadline d_head = sweeper_.deadline_after(lane);
  sweeper_.arm(head.watch, d_head);
  sweep_all(d_head.at - 50ms);
  sweeper_.arm(later.watch, sweeper_.deadline_after(lane, d_head.at - 50ms));
  head.watch.clear();
  sweep_all(d_head.at);
  EXPECT_FALSE(head.watch.lane_hook.is_linked());
  sweeper_.arm(head.watch, d_head);
  sweep_all(d_head.at);
  EXPECT_EQ(expired_, std::vector<int>{head.id});
}

TEST_F(Sweeper, AClearedWatchIsNotCancelled) {
  const LaneId lane = sweeper_.lane_for(100ms);
  Probe& p = probe();
  const Deadline d = sweeper_.deadline_after(lane);
  sweeper_.arm(p.watch, d, true);
  p.watch.clear();
  sweep_all(d.at + 1h);
  EXPECT_TRUE(expired_.empty());
  EXPECT_FALSE(p.watch.lane_hook.is_linked());  // the sweep dropped it
  sweeper_.close_idle();
  EXPECT_TRUE(expired_.empty());
}

TEST_F(Sweeper, AWatchReArmedLaterIsNotCancelledEarly) {
  const LaneId lane = sweeper_.lane_for(100ms);
  Probe& p = probe();
  const Deadline first = sweeper_.deadline_after(lane);
  sweeper_.arm(p.watch, first);
  sweep_all(first.at - 50ms);
  const Deadline second = sweeper_.deadline_after(lane, first.at - 50ms);
  ASSERT_EQ(second.at, first.at + 50ms);
  sweeper_.arm(p.watch, second);
  sweep_all(first.at);
  EXPECT_TRUE(expired_.empty());
  sweep_all(second.at);
  EXPECT_EQ(expired_, std::vector<int>{p.id});
}

TEST_F(Sweeper, AWatchMovedToAShorterLaneExpiresOnceAtTheShorterDeadline) {
  const LaneId slow = sweeper_.lane_for(1s), fast = sweeper_.lane_for(100ms);
  Probe& p = probe();
  const Deadline d_slow = sweeper_.deadline_after(slow), d_fast = sweeper_.deadline_after(fast);
  sweeper_.arm(p.watch, d_slow);
  sweeper_.arm(p.watch, d_fast);
  sweep_all(d_fast.at);
  EXPECT_EQ(expired_, std::vector<int>{p.id});
  sweep_all(d_slow.at);
  EXPECT_EQ(expired_, std::vector<int>{p.id});
}

// Connections armed a millisecond apart expire a millisecond apart, one per
// wake: the closes are as spread as the traffic that armed them.
TEST_F(Sweeper, DeadlinesArmedApartExpireApartAndTheTimerWakesForEach) {
  const LaneId lane = sweeper_.lane_for(5s);
  const Clock::time_point start = Clock::now();
  std::vector<Deadline> deadlines;
  for (int i = 0; i < 10; ++i) {
    deadlines.push_back(sweeper_.deadline_after(lane, start + i * 1ms));
    sweeper_.arm(probe().watch, deadlines.back());
  }
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(sweeper_.next_wake(start + i * 1ms), deadlines[i].at);
    sweep_all(deadlines[i].at);
    EXPECT_EQ(expired_.size(), static_cast<std::size_t>(i + 1));
  }
}

// A deadline armed after the timer was set comes due a lane's length later at
// the earliest, so the wait never needs to be longer than the shortest lane.
TEST_F(Sweeper, TheTimerWaitsForTheEarliestHeadButNoLongerThanTheShortestLane) {
  const LaneId slow = sweeper_.lane_for(10s);
  sweeper_.lane_for(2s);
  const Clock::time_point now = Clock::now();
  EXPECT_EQ(sweeper_.next_wake(now), now + 2s);  // nothing queued
  Probe& p = probe();
  const Deadline d = sweeper_.deadline_after(slow, now);
  sweeper_.arm(p.watch, d);
  EXPECT_EQ(sweeper_.next_wake(now), now + 2s);
  EXPECT_EQ(sweeper_.next_wake(now + 9s), d.at);
  p.watch.clear();  // a cleared head still wakes the sweep, which drops it
  EXPECT_EQ(sweeper_.next_wake(now + 9s), d.at);
  sweep_all(d.at);
  EXPECT_TRUE(expired_.empty());
  EXPECT_EQ(sweeper_.next_wake(d.at), d.at + 2s);
}

TEST_F(Sweeper, TicksLookOnlyAtLaneHeadsWhateverTheNumberOfIdleWatches) {
  const LaneId idle = sweeper_.lane_for(60s);
  sweeper_.lane_for(5s);  // a second lane, empty
  const Deadline d = sweeper_.deadline_after(idle);
  for (int i = 0; i < 10'000; ++i) sweeper_.arm(probe().watch, d, true);
  const std::uint64_t before = sweeper_.watches_looked_at();
  for (int tick = 1; tick <= 100; ++tick) sweep_all(d.at - 60s + tick * 10ms);
  EXPECT_EQ(sweeper_.watches_looked_at() - before, 100u);  // one head per tick
  int slices = 1;
  for (; sweeper_.sweep_slice(d.at); ++slices) ASSERT_LT(slices, 1'000'000);
  EXPECT_EQ(expired_.size(), 10'000u);
  EXPECT_GE(slices, 10'000 * DeadlineSweeper::kCancelCost / DeadlineSweeper::kSliceBudget);
}

TEST_F(Sweeper, ShutdownClosesOnlyTheIdleWatches) {
  const LaneId lane = sweeper_.lane_for(100ms);
  Probe &idle = probe(), &busy = probe(), &cleared = probe(), &unarmed = probe();
  sweeper_.arm(idle.watch, sweeper_.deadline_after(lane), true);
  sweeper_.arm(busy.watch, sweeper_.deadline_after(lane), false);
  sweeper_.arm(cleared.watch, sweeper_.deadline_after(lane), true);
  cleared.watch.clear();
  sweeper_.close_idle();
  EXPECT_EQ(expired_, std::vector<int>{idle.id});
  EXPECT_FALSE(unarmed.watch.armed());
}

TEST_F(Sweeper, IsEmptyOnceEveryWatchIsGone) {
  const LaneId lane = sweeper_.lane_for(100ms);
  {
    std::vector<int> expired;
    Probe p(0, expired);
    sweeper_.watch(p.watch);
    sweeper_.arm(p.watch, sweeper_.deadline_after(lane));
    p.watch.clear();  // still linked in its lane: its destructor unlinks it
    EXPECT_FALSE(sweeper_.empty());
  }
  EXPECT_TRUE(sweeper_.empty());
  sweep_all(Clock::now() + 1h);
  EXPECT_TRUE(expired_.empty());
}

}  // namespace
}  // namespace apibench::rust_style
