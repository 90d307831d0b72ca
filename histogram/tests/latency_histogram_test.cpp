#include "histogram/latency_histogram.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <vector>

#include <gtest/gtest.h>

namespace apibench {
namespace {

// The same nearest-rank definition the histogram uses, on the exact sorted samples.
std::uint64_t exact_percentile(const std::vector<std::uint64_t>& sorted, double percentile) {
  auto rank = static_cast<std::uint64_t>(percentile / 100.0 * static_cast<double>(sorted.size()) + 0.5);
  rank = std::clamp<std::uint64_t>(rank, 1, sorted.size());
  return sorted[rank - 1];
}

std::vector<std::uint64_t> lognormal_samples(std::size_t n, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::lognormal_distribution<double> latency(std::log(200'000.0), 1.5);  // ~200 us median, long tail
  std::vector<std::uint64_t> samples(n);
  for (auto& s : samples) s = static_cast<std::uint64_t>(latency(rng)) + 1;
  return samples;
}

TEST(LatencyHistogram, PercentilesMatchExactWithinThreeSignificantDigits) {
  auto samples = lognormal_samples(200'000, 42);
  LatencyHistogram h;
  for (auto s : samples) h.record(s);
  std::sort(samples.begin(), samples.end());
  for (double p : {0.0, 1.0, 10.0, 25.0, 50.0, 75.0, 90.0, 99.0, 99.9, 99.99, 99.999, 100.0}) {
    const auto exact = exact_percentile(samples, p);
    const auto reported = h.value_at_percentile(p);
    EXPECT_GE(reported, exact) << "p" << p;
    EXPECT_LE(static_cast<double>(reported - exact), static_cast<double>(exact) / 1000.0) << "p" << p;
  }
}

TEST(LatencyHistogram, SmallValuesAreExact) {
  LatencyHistogram h;
  for (std::uint64_t v = 0; v < 2048; ++v) h.record(v);
  EXPECT_EQ(h.value_at_percentile(50), 1023u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.max(), 2047u);
  EXPECT_EQ(h.value_at_percentile(100), 2047u);
}

TEST(LatencyHistogram, CountMinMaxMeanStddev) {
  LatencyHistogram h;
  for (std::uint64_t v : {1000u, 2000u, 3000u, 4000u}) h.record(v);
  EXPECT_EQ(h.count(), 4u);
  EXPECT_EQ(h.min(), 1000u);
  EXPECT_EQ(h.max(), 4000u);
  EXPECT_DOUBLE_EQ(h.mean(), 2500.0);
  EXPECT_NEAR(h.stddev(), std::sqrt(1'250'000.0), std::sqrt(1'250'000.0) / 1000.0);
}

TEST(LatencyHistogram, EmptyHistogramReportsZeros) {
  LatencyHistogram h;
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.min(), 0u);
  EXPECT_EQ(h.max(), 0u);
  EXPECT_EQ(h.value_at_percentile(99), 0u);
  EXPECT_EQ(h.mean(), 0.0);
  EXPECT_EQ(h.stddev(), 0.0);
}

TEST(LatencyHistogram, OutOfRangeValuesAreClampedAndCounted) {
  LatencyHistogram h;
  h.record(UINT64_MAX);
  h.record(LatencyHistogram::kHighestTrackable + 1);
  h.record(60'000'000'000);  // 60 s is in range
  EXPECT_EQ(h.count(), 3u);
  EXPECT_EQ(h.clamped_count(), 2u);
  EXPECT_EQ(h.max(), LatencyHistogram::kHighestTrackable);
  EXPECT_GE(h.value_at_percentile(1), 60'000'000'000u);
  EXPECT_LE(h.value_at_percentile(1), 60'000'000'000u + 60'000'000u);
}

TEST(LatencyHistogram, MergeEqualsRecordingEverythingInOne) {
  const auto a = lognormal_samples(50'000, 1);
  const auto b = lognormal_samples(70'000, 2);
  LatencyHistogram ha, hb, all;
  for (auto v : a) ha.record(v), all.record(v);
  for (auto v : b) hb.record(v), all.record(v);
  ha.add(hb);
  EXPECT_EQ(ha.count(), all.count());
  EXPECT_EQ(ha.min(), all.min());
  EXPECT_EQ(ha.max(), all.max());
  EXPECT_EQ(ha.sum(), all.sum());
  for (std::size_t i = 0; i < LatencyHistogram::kCountsLength; ++i) {
    ASSERT_EQ(ha.count_at_index(i), all.count_at_index(i)) << i;
  }
}

TEST(LatencyHistogram, BucketsCoverEveryValueContiguously) {
  for (std::size_t i = 1; i < LatencyHistogram::kCountsLength; ++i) {
    ASSERT_EQ(LatencyHistogram::lowest_equivalent(i), LatencyHistogram::highest_equivalent(i - 1) + 1) << i;
    ASSERT_EQ(LatencyHistogram::index_of(LatencyHistogram::lowest_equivalent(i)), i);
    ASSERT_EQ(LatencyHistogram::index_of(LatencyHistogram::highest_equivalent(i)), i);
  }
  EXPECT_EQ(LatencyHistogram::highest_equivalent(LatencyHistogram::kCountsLength - 1),
            LatencyHistogram::kHighestTrackable);
}

TEST(LatencyHistogram, IteratesRecordedBucketsInValueOrder) {
  LatencyHistogram h;
  h.record(5);
  h.record(5);
  h.record(1'000'000);
  std::vector<HistogramBucket> seen;
  h.for_each_bucket([&](const HistogramBucket& b) { seen.push_back(b); });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].lowest, 5u);
  EXPECT_EQ(seen[0].count, 2u);
  EXPECT_LE(seen[1].lowest, 1'000'000u);
  EXPECT_GE(seen[1].highest, 1'000'000u);
  EXPECT_EQ(seen[1].count, 1u);
}

TEST(LatencyHistogram, ResetEmptiesIt) {
  LatencyHistogram h;
  h.record(123);
  h.reset();
  EXPECT_EQ(h.count(), 0u);
  EXPECT_EQ(h.max(), 0u);
  EXPECT_EQ(h.count_at_index(LatencyHistogram::index_of(123)), 0u);
}

}  // namespace
}  // namespace apibench
