// Task stacks are reused from a bounded pool (gort/stack_pool.hpp), as Go reuses
// goroutine stacks: a finished task's stack goes to the next task, the pool never
// keeps more than its bound, a reused stack serves a new task as a fresh one
// would, and connections opened and closed again and again keep being served.
#include <gtest/gtest.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "gort/channel.hpp"
#include "gort/runtime.hpp"
#include "gort/stack_pool.hpp"
#include "testing/http_client.hpp"
#include "tests/stack_probe.hpp"
#include "tests/test_server.hpp"

namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::TestConnection;

constexpr std::size_t kBytes = 64 * 1024;

TEST(StackPool, AStackGivenBackIsTakenAgain) {
  gort::StackPool pool(kBytes, 4);
  void* first = pool.take();
  pool.give_back(first);
  EXPECT_EQ(pool.take(), first);
  const gort::StackPool::Counts counts = pool.counts();
  EXPECT_EQ(counts.fresh, 1u);
  EXPECT_EQ(counts.reused, 1u);
  pool.give_back(first);
}

TEST(StackPool, KeepsNoMoreStacksThanItsBound) {
  gort::StackPool pool(kBytes, 4);
  std::vector<void*> stacks;
  for (int i = 0; i < 6; ++i) stacks.push_back(pool.take());
  for (void* stack : stacks) pool.give_back(stack);
  const gort::StackPool::Counts counts = pool.counts();
  EXPECT_EQ(counts.fresh, 6u);
  EXPECT_EQ(counts.cached, 4u);
  EXPECT_EQ(counts.freed, 2u);
}

TEST(TaskStacks, TasksStartedOneAfterAnotherShareStacks) {
  gort::Runtime rt(1);
  constexpr std::size_t kTasks = 200;
  std::size_t ran = 0;
  rt.go([&](gort::Yield yield) {
    for (std::size_t i = 0; i < kTasks; ++i) {
      rt.go([&](gort::Yield) { ++ran; });
      gort::yield_now(yield);  // the new task runs and ends before this one resumes
    }
  });
  rt.run();
  const gort::StackPool::Counts counts = rt.stacks().counts();
  EXPECT_EQ(ran, kTasks);
  EXPECT_EQ(counts.fresh + counts.reused, kTasks + 1);
  EXPECT_GE(counts.reused, kTasks - 2) << "fresh stacks: " << counts.fresh;
}

TEST(TaskStacks, ThePoolKeepsAtMostItsBoundAfterManyTasksEnd) {
  gort::Runtime rt(1);
  const std::size_t tasks = gort::Runtime::kMaxFreeStacks + 100;
  gort::Channel<int> release(0);  // closed once every task is parked on it
  std::size_t ended = 0;
  for (std::size_t i = 0; i < tasks; ++i) {
    rt.go([&](gort::Yield yield) {
      release.receive(yield);
      ++ended;
    });
  }
  rt.go([&](gort::Yield) { release.close(); });
  rt.run();
  const gort::StackPool::Counts counts = rt.stacks().counts();
  EXPECT_EQ(ended, tasks);
  EXPECT_EQ(counts.cached, gort::Runtime::kMaxFreeStacks);
  EXPECT_EQ(counts.cached + counts.freed, counts.fresh + counts.reused);
}

// Uses `bytes` of stack in one frame and leaves it dirty.
[[gnu::noinline]] void scribble(std::size_t bytes) {
  auto* frame = static_cast<volatile unsigned char*>(__builtin_alloca(bytes));
  for (std::size_t i = 0; i < bytes; ++i) frame[i] = static_cast<unsigned char>(i);
}

TEST(TaskStacks, AReusedStackIsProbedAsAFreshOneIs) {
  gort::Runtime rt(1);
  std::size_t shallow = 0;
  rt.go([&](gort::Yield yield) {
    rt.go([](gort::Yield) { scribble(32 * 1024); });
    gort::yield_now(yield);
    rt.go([&](gort::Yield) {  // on the scribbling task's stack
      gostyle::test::StackProbe probe(gort::Runtime::kStackBytes - 8 * 1024);
      shallow = probe.deepest_use();
    });
  });
  rt.run();
  EXPECT_GE(rt.stacks().counts().reused, 1u);
  EXPECT_LT(shallow, 4u * 1024);
}

TEST(TaskStacks, ConnectionsOpenedAndClosedAgainAndAgainAreServed) {
  apibench::contract::ServerOptions options = gostyle::test::test_options();
  options.threads = 1;
  gostyle::test::RunningServer s(options);
  constexpr std::size_t kCycles = 500;
  std::size_t answered = 0;
  for (std::size_t i = 0; i < kCycles; ++i) {
    TestConnection c(s.port());
    c.send(get_request("/health"));
    std::optional<HttpResponse> r = c.read_response();
    if (r && r->status == 200) ++answered;
  }
  TestConnection last(s.port());
  last.send(get_request("/health"));
  std::optional<HttpResponse> r = last.read_response();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(answered, kCycles);
  const gort::StackPool::Counts counts = s.server().task_stacks().counts();
  EXPECT_GE(counts.reused, kCycles / 2) << "fresh stacks: " << counts.fresh;
  EXPECT_LE(counts.cached, gort::Runtime::kMaxFreeStacks);
}

}  // namespace
