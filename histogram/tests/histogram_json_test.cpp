#include "histogram/histogram_json.hpp"

#include <random>

#include <gtest/gtest.h>

namespace apibench {
namespace {

LatencyHistogram sample_histogram(unsigned seed) {
  std::mt19937_64 rng(seed);
  std::exponential_distribution<double> latency(1.0 / 300'000.0);
  LatencyHistogram h;
  for (int i = 0; i < 20'000; ++i) h.record(static_cast<std::uint64_t>(latency(rng)));
  h.record(UINT64_MAX);  // a clamped value survives the trip too
  return h;
}

void expect_identical(const LatencyHistogram& a, const LatencyHistogram& b) {
  EXPECT_EQ(a.count(), b.count());
  EXPECT_EQ(a.min(), b.min());
  EXPECT_EQ(a.max(), b.max());
  EXPECT_EQ(a.sum(), b.sum());
  EXPECT_EQ(a.clamped_count(), b.clamped_count());
  for (std::size_t i = 0; i < LatencyHistogram::kCountsLength; ++i) {
    ASSERT_EQ(a.count_at_index(i), b.count_at_index(i)) << i;
  }
}

TEST(HistogramJson, RoundTripIsLossless) {
  const auto original = sample_histogram(7);
  std::string error;
  const auto text = histogram_to_json(original).dump();
  const auto loaded = histogram_from_json(nlohmann::json::parse(text), error);
  ASSERT_TRUE(loaded) << error;
  expect_identical(original, *loaded);
}

TEST(HistogramJson, LoadedHistogramsMergeExactly) {
  const auto a = sample_histogram(1);
  const auto b = sample_histogram(2);
  std::string error;
  auto merged = *histogram_from_json(histogram_to_json(a), error);
  merged.add(*histogram_from_json(histogram_to_json(b), error));
  auto direct = a;
  direct.add(b);
  expect_identical(direct, merged);
}

TEST(HistogramJson, EmptyRoundTrips) {
  std::string error;
  const auto loaded = histogram_from_json(histogram_to_json(LatencyHistogram{}), error);
  ASSERT_TRUE(loaded) << error;
  EXPECT_EQ(loaded->count(), 0u);
}

TEST(HistogramJson, RejectsForeignOrInconsistentData) {
  std::string error;
  EXPECT_FALSE(histogram_from_json(nlohmann::json::parse(R"({"format": "other"})"), error));
  EXPECT_FALSE(error.empty());

  auto json = histogram_to_json(sample_histogram(3));
  json["count"] = json["count"].get<std::uint64_t>() + 1;
  EXPECT_FALSE(histogram_from_json(json, error));

  json = histogram_to_json(sample_histogram(3));
  json["buckets"].push_back({LatencyHistogram::kCountsLength, 1});
  EXPECT_FALSE(histogram_from_json(json, error));

  json = histogram_to_json(sample_histogram(3));
  json["max"] = 1;
  EXPECT_FALSE(histogram_from_json(json, error));

  json = histogram_to_json(sample_histogram(3));
  json["buckets"] = "nope";
  EXPECT_FALSE(histogram_from_json(json, error));
}

}  // namespace
}  // namespace apibench
