// The gort scheduler: many tasks on few threads, fair turns, blocking hand-off.
#include <gtest/gtest.h>
#include <sched.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "gort/runtime.hpp"

namespace {

TEST(Scheduler, RunsManyTasksOnFewThreadsAndReturnsWhenAllAreDone) {
  gort::Runtime rt(2);
  constexpr int kTasks = 5000;
  std::atomic<int> finished{0};
  std::mutex mutex;
  std::set<std::thread::id> threads_seen;
  for (int i = 0; i < kTasks; ++i) {
    rt.go([&](gort::Yield y) {
      for (int step = 0; step < 3; ++step) gort::yield_now(y);
      {
        std::lock_guard lock(mutex);
        threads_seen.insert(std::this_thread::get_id());
      }
      ++finished;
    });
  }
  rt.run();
  EXPECT_EQ(finished.load(), kTasks);
  EXPECT_GE(threads_seen.size(), 1u);
  EXPECT_LE(threads_seen.size(), 2u);
}

TEST(Scheduler, TasksThatYieldTakeTurns) {
  gort::Runtime rt(1);
  std::vector<int> log;  // one worker thread: no lock needed
  for (int id = 0; id < 2; ++id) {
    rt.go([&log, id](gort::Yield y) {
      for (int i = 0; i < 50; ++i) {
        log.push_back(id);
        gort::yield_now(y);
      }
    });
  }
  rt.run();
  ASSERT_EQ(log.size(), 100u);
  int longest_run = 1, run = 1;
  for (std::size_t i = 1; i < log.size(); ++i) {
    run = log[i] == log[i - 1] ? run + 1 : 1;
    longest_run = std::max(longest_run, run);
  }
  EXPECT_LE(longest_run, 2) << "a yielding task kept the only worker to itself";
}

TEST(Scheduler, ATaskStartedFromATaskRuns) {
  gort::Runtime rt(2);
  std::atomic<bool> child_ran{false};
  rt.go([&](gort::Yield) { rt.go([&](gort::Yield) { child_ran = true; }); });
  rt.run();
  EXPECT_TRUE(child_ran.load());
}

TEST(Scheduler, ABlockingCallDoesNotStallTheOnlyWorker) {
  gort::Runtime rt(1);
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  bool blocking_call_was_released = false;
  rt.go([&](gort::Yield y) {
    // Blocks its OS thread until the other task runs; on the worker itself this
    // would deadlock the single-thread runtime.
    blocking_call_was_released = rt.blocking().call(
        y, [&] { return released.wait_for(std::chrono::seconds(10)) == std::future_status::ready; });
  });
  rt.go([&](gort::Yield y) {
    gort::yield_now(y);
    release.set_value();
  });
  rt.run();
  EXPECT_TRUE(blocking_call_was_released);
}

TEST(Scheduler, ManyBlockingCallsProceedTogether) {
  gort::Runtime rt(2);
  constexpr int kCalls = 16;
  std::atomic<int> arrived{0};
  std::atomic<int> saw_everyone{0};
  for (int i = 0; i < kCalls; ++i) {
    rt.go([&](gort::Yield y) {
      rt.blocking().call(y, [&] {
        ++arrived;
        // A barrier: passes only if all calls run on threads of their own at once.
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (arrived.load() < kCalls && std::chrono::steady_clock::now() < deadline) {
          std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        if (arrived.load() == kCalls) ++saw_everyone;
      });
    });
  }
  rt.run();
  EXPECT_EQ(saw_everyone.load(), kCalls);
}

// Go caps the threads stuck in syscalls (debug.SetMaxThreads); past this pool's
// cap, calls wait for a free thread rather than fail, and the workers go on
// running every other task meanwhile.
TEST(Scheduler, CallsPastThePoolCapWaitTheirTurnWhileOtherTasksRun) {
  constexpr std::size_t kCap = 2;
  constexpr int kCalls = 6;
  gort::Runtime rt(1, kCap);
  std::promise<void> open_gate;
  std::shared_future<void> gate = open_gate.get_future().share();
  std::atomic<int> inside{0}, most_inside{0}, finished{0};
  for (int i = 0; i < kCalls; ++i) {
    rt.go([&](gort::Yield y) {
      rt.blocking().call(y, [&] {
        int now = ++inside;
        for (int seen = most_inside.load(); now > seen && !most_inside.compare_exchange_weak(seen, now);) {
        }
        gate.wait_for(std::chrono::seconds(10));
        --inside;
      });
      ++finished;
    });
  }
  bool ran_while_pool_was_full = false;
  std::size_t threads_when_full = 0;
  rt.go([&](gort::Yield y) {
    // Runs on the only worker while every pool thread is blocked.
    auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (inside.load() < static_cast<int>(kCap) && std::chrono::steady_clock::now() < give_up) gort::yield_now(y);
    ran_while_pool_was_full = inside.load() == static_cast<int>(kCap);
    threads_when_full = rt.blocking().thread_count();
    open_gate.set_value();
  });
  rt.run();
  EXPECT_TRUE(ran_while_pool_was_full);
  EXPECT_EQ(finished.load(), kCalls);
  EXPECT_EQ(most_inside.load(), static_cast<int>(kCap));
  EXPECT_EQ(threads_when_full, kCap);
}

// A pool thread waking from a call must not preempt the workers
// (contract/batch_scheduling.hpp): the call runs under SCHED_BATCH, the worker
// keeps the policy it had.
TEST(Scheduler, ABlockingCallRunsOnABatchScheduledThread) {
  gort::Runtime rt(1);
  int policy_in_call = -1, policy_on_worker_after = -1;
  rt.go([&](gort::Yield y) {
    policy_in_call = rt.blocking().call(y, [] { return sched_getscheduler(0); });
    policy_on_worker_after = sched_getscheduler(0);
  });
  rt.run();
  EXPECT_EQ(policy_in_call, SCHED_BATCH);
  EXPECT_NE(policy_on_worker_after, SCHED_BATCH);
}

TEST(Scheduler, ABlockingCallPassesItsExceptionBackToTheTask) {
  gort::Runtime rt(1);
  bool caught = false;
  rt.go([&](gort::Yield y) {
    try {
      rt.blocking().call(y, []() -> int { throw std::runtime_error("boom"); });
    } catch (const std::runtime_error&) {
      caught = true;
    }
  });
  rt.run();
  EXPECT_TRUE(caught);
}

TEST(Scheduler, AFailingTaskDoesNotTakeTheRuntimeDown) {
  gort::Runtime rt(1);
  bool other_ran = false;
  rt.go([](gort::Yield) { throw std::runtime_error("task failure (expected in this test)"); });
  rt.go([&](gort::Yield) { other_ran = true; });
  rt.run();
  EXPECT_TRUE(other_ran);
}

}  // namespace
