#include "histogram/latency_histogram.hpp"

#include <algorithm>
#include <cmath>

namespace apibench {

LatencyHistogram::LatencyHistogram() : counts_(kCountsLength, 0) {}

void LatencyHistogram::record_n(std::uint64_t value_ns, std::uint64_t count) noexcept {
  if (count == 0) return;
  if (value_ns > kHighestTrackable) {
    value_ns = kHighestTrackable;
    clamped_ += count;
  }
  counts_[index_of(value_ns)] += count;
  total_ += count;
  sum_ += value_ns * count;
  min_ = std::min(min_, value_ns);
  max_ = std::max(max_, value_ns);
}

void LatencyHistogram::add(const LatencyHistogram& other) noexcept {
  for (std::size_t i = 0; i < kCountsLength; ++i) counts_[i] += other.counts_[i];
  total_ += other.total_;
  sum_ += other.sum_;
  clamped_ += other.clamped_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

void LatencyHistogram::reset() noexcept {
  std::fill(counts_.begin(), counts_.end(), 0);
  total_ = sum_ = max_ = clamped_ = 0;
  min_ = UINT64_MAX;
}

std::uint64_t LatencyHistogram::lowest_equivalent(std::size_t index) noexcept {
  if (index < kSubBucketCount) return index;
  const std::size_t bucket = (index >> kSubBucketHalfMagnitude) - 1;
  const std::uint64_t sub_bucket = index - (bucket << kSubBucketHalfMagnitude);
  return sub_bucket << bucket;
}

std::uint64_t LatencyHistogram::highest_equivalent(std::size_t index) noexcept {
  if (index < kSubBucketCount) return index;
  const std::size_t bucket = (index >> kSubBucketHalfMagnitude) - 1;
  return lowest_equivalent(index) + (std::uint64_t{1} << bucket) - 1;
}

HistogramBucket LatencyHistogram::bucket_at(std::size_t index) const noexcept {
  return {index, lowest_equivalent(index), highest_equivalent(index), counts_[index]};
}

std::uint64_t LatencyHistogram::value_at_percentile(double percentile) const noexcept {
  if (total_ == 0) return 0;
  const double fraction = std::clamp(percentile, 0.0, 100.0) / 100.0;
  // Nearest rank, rounded as HdrHistogram rounds it, so 99.9 of 1000 is rank 999, not 1000.
  auto rank = static_cast<std::uint64_t>(fraction * static_cast<double>(total_) + 0.5);
  rank = std::clamp<std::uint64_t>(rank, 1, total_);
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kCountsLength; ++i) {
    seen += counts_[i];
    if (seen >= rank) return std::clamp(highest_equivalent(i), min_, max_);
  }
  return max_;
}

double LatencyHistogram::mean() const noexcept {
  return total_ == 0 ? 0.0 : static_cast<double>(sum_) / static_cast<double>(total_);
}

double LatencyHistogram::stddev() const noexcept {
  if (total_ == 0) return 0.0;
  const double average = mean();
  double squares = 0;
  for_each_bucket([&](const HistogramBucket& b) {
    const double midpoint = static_cast<double>(b.lowest + (b.highest - b.lowest) / 2);
    squares += static_cast<double>(b.count) * (midpoint - average) * (midpoint - average);
  });
  return std::sqrt(squares / static_cast<double>(total_));
}

bool LatencyHistogram::restore(std::uint64_t min, std::uint64_t max, std::uint64_t sum, std::uint64_t clamped,
                               const std::vector<std::pair<std::size_t, std::uint64_t>>& sparse_counts) {
  LatencyHistogram loaded;
  std::size_t lowest_index = kCountsLength;
  std::size_t highest_index = 0;
  for (const auto& [index, count] : sparse_counts) {
    if (index >= kCountsLength || count == 0 || loaded.counts_[index] != 0) return false;
    loaded.counts_[index] = count;
    loaded.total_ += count;
    lowest_index = std::min(lowest_index, index);
    highest_index = std::max(highest_index, index);
  }
  if (loaded.total_ == 0) {
    if (min != 0 || max != 0 || sum != 0 || clamped != 0) return false;
    *this = std::move(loaded);
    return true;
  }
  // min and max must fall in the extreme non-empty buckets, or the data was not ours.
  if (max > kHighestTrackable || min > max || index_of(min) != lowest_index || index_of(max) != highest_index ||
      clamped > loaded.total_) {
    return false;
  }
  loaded.min_ = min;
  loaded.max_ = max;
  loaded.sum_ = sum;
  loaded.clamped_ = clamped;
  *this = std::move(loaded);
  return true;
}

}  // namespace apibench
