// What else ran on the measured CPUs: /proc/stat's per-CPU counters, and the
// limits above which a window is measured again.
#include "runner/cpu_noise.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

namespace ar = apibench::runner;

namespace {

// user nice system idle iowait irq softirq steal, in ticks.
const char* kProcStat =
    "cpu  300 0 100 900 0 0 50 20 0 0\n"
    "cpu0 100 0 50 400 0 0 30 10 0 0\n"
    "cpu1 200 0 50 500 0 0 20 10 0 0\n"
    "intr 12 0 0\n";

double ticks(double n) { return n / static_cast<double>(::sysconf(_SC_CLK_TCK)); }

}  // namespace

TEST(CpuNoise, CountersSumUserNiceAndSystemAndStealOverTheCpusAsked) {
  auto one = ar::parse_cpu_counters(kProcStat, {1});
  ASSERT_TRUE(one);
  EXPECT_DOUBLE_EQ(one->busy_seconds, ticks(250));  // softirq is left out: the server's own traffic causes it
  EXPECT_DOUBLE_EQ(one->steal_seconds, ticks(10));
  auto both = ar::parse_cpu_counters(kProcStat, {0, 1});
  ASSERT_TRUE(both);
  EXPECT_DOUBLE_EQ(both->busy_seconds, ticks(400));
  EXPECT_DOUBLE_EQ(both->steal_seconds, ticks(20));
}

TEST(CpuNoise, ACpuMissingFromProcStatGivesNothing) {
  EXPECT_FALSE(ar::parse_cpu_counters(kProcStat, {0, 2}));
  EXPECT_FALSE(ar::parse_cpu_counters("", {0}));
}

TEST(CpuNoise, AWindowWithinTheLimitsIsKept) {
  EXPECT_EQ(ar::noise_reason({}), "");
  EXPECT_EQ(ar::noise_reason({ar::kStealLimit, ar::kOthersLimit, ar::kOthersLimit}), "");
}

TEST(CpuNoise, EachLimitPassedSaysWhich) {
  EXPECT_EQ(ar::noise_reason({0.08, 0, 0}), "the hypervisor stole 8% of the CPUs");
  EXPECT_EQ(ar::noise_reason({0, 0.4, 0}), "other processes used 40% of the server CPUs");
  EXPECT_EQ(ar::noise_reason({0, 0, 0.12}), "other processes used 12% of the load CPUs");
}

TEST(CpuNoise, ABusyLoopOnTheServerCpuIsSeenAsOthers) {
  // This process spins on CPU 0 as "another process"; the "server" used nothing.
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(0, &one);
  cpu_set_t before;
  ASSERT_EQ(::sched_getaffinity(0, sizeof before, &before), 0);
  if (!CPU_ISSET(0, &before) || CPU_COUNT(&before) < 2) GTEST_SKIP() << "needs CPU 0 and another CPU";
  ASSERT_EQ(::sched_setaffinity(0, sizeof one, &one), 0);
  ar::Pinning pinning{{0}, {1}, {}};
  const ar::NoiseWatch watch(pinning);
  auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(300);
  volatile unsigned long spins = 0;
  while (std::chrono::steady_clock::now() < until) spins = spins + 1;
  const ar::WindowNoise noise = watch.finish(/*server_cpu_seconds=*/0);
  ::sched_setaffinity(0, sizeof before, &before);
  // This process is also the "load generator", so its spin is subtracted on the load CPUs, not on CPU 0.
  EXPECT_GT(noise.others_on_server_cpus, ar::kOthersLimit);
  EXPECT_FALSE(ar::noise_reason(noise).empty());
}
