// The blocking pool (Tokio's spawn_blocking threads): its jobs run under
// SCHED_BATCH, so a pool thread waking from a sleep does not preempt the event
// loops (contract/batch_scheduling.hpp says why).
#include <gtest/gtest.h>
#include <sched.h>

#include <chrono>
#include <future>

#include "blocking_pool.hpp"

namespace apibench::rust_style {
namespace {

TEST(BlockingPool, AJobRunsOnABatchScheduledThread) {
  BlockingPool pool;
  std::promise<int> policy;
  std::future<int> policy_seen = policy.get_future();
  pool.submit(UniqueJob([&policy] { policy.set_value(sched_getscheduler(0)); }));
  ASSERT_EQ(policy_seen.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "the job never ran";
  EXPECT_EQ(policy_seen.get(), SCHED_BATCH);
}

TEST(BlockingPool, TheThreadThatSubmitsKeepsItsPolicy) {
  const int before = sched_getscheduler(0);
  BlockingPool pool;
  std::promise<void> ran;
  std::future<void> done = ran.get_future();
  pool.submit(UniqueJob([&ran] { ran.set_value(); }));
  ASSERT_EQ(done.wait_for(std::chrono::seconds(10)), std::future_status::ready) << "the job never ran";
  EXPECT_EQ(sched_getscheduler(0), before);
}

}  // namespace
}  // namespace apibench::rust_style
