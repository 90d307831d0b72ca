#include <gtest/gtest.h>

#include "alloccount/alloc_counter.hpp"
#include "runner/child_process.hpp"

namespace ac = apibench::alloccount;
namespace ar = apibench::runner;
using namespace std::chrono_literals;

namespace {

ac::Snapshot count_for(long n) {
  ar::ChildProcess child({{ALLOCATE_N_PROGRAM, std::to_string(n)}, {}, {},
                          {std::string("LD_PRELOAD=") + APIBENCH_ALLOCCOUNT_LIBRARY}});
  child.wait_ready(5s);
  auto snapshot = ac::read_counters(child.pid());
  EXPECT_TRUE(snapshot.has_value()) << "no counters page for pid " << child.pid();
  EXPECT_TRUE(child.stop(2s).clean);
  EXPECT_FALSE(ac::read_counters(child.pid()).has_value()) << "counters page left behind after a clean exit";
  return snapshot.value_or(ac::Snapshot{});
}

}  // namespace

TEST(AllocCount, CountsEveryAllocationOfTheChild) {
  auto none = count_for(0);
  auto thousand = count_for(1000);
  EXPECT_EQ(thousand.allocations - none.allocations, 1000u);
  EXPECT_EQ(thousand.frees - none.frees, 1000u);
  EXPECT_EQ(thousand.bytes - none.bytes, 16000u);
}

TEST(AllocCount, NoPageWithoutThePreload) {
  ar::ChildProcess child({{ALLOCATE_N_PROGRAM, "10"}, {}, {}, {}});
  child.wait_ready(5s);
  EXPECT_FALSE(ac::read_counters(child.pid()).has_value());
}
