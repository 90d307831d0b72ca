#pragma once
// An HDR-style log-linear histogram of nanosecond values: 1 ns to 2^36-1 ns (~68.7 s),
// 3 significant digits (each bucket is at most 1/1024 of its value wide), constant memory
// (27,648 counters, allocated once at construction). record() is a few instructions and
// never throws: values above the range land in the top bucket and are counted as clamped.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace apibench {

// One non-empty bucket: every value in [lowest, highest] is reported as the same value.
struct HistogramBucket {
  std::size_t index = 0;
  std::uint64_t lowest = 0;
  std::uint64_t highest = 0;
  std::uint64_t count = 0;
};

class LatencyHistogram {
 public:
  static constexpr int kSignificantDigits = 3;
  static constexpr int kSubBucketHalfMagnitude = 10;  // 2^10 = 1024 >= 10^3 sub-buckets per half
  static constexpr std::uint64_t kSubBucketCount = std::uint64_t{2} << kSubBucketHalfMagnitude;  // 2048
  static constexpr std::uint64_t kSubBucketHalfCount = kSubBucketCount / 2;
  static constexpr int kBucketCount = 26;  // 2048 << 25 = 2^36
  static constexpr std::size_t kCountsLength = (kBucketCount + 1) * kSubBucketHalfCount;
  static constexpr std::uint64_t kHighestTrackable = (std::uint64_t{1} << 36) - 1;

  LatencyHistogram();

  void record(std::uint64_t value_ns) noexcept {
    if (value_ns > kHighestTrackable) [[unlikely]] {
      value_ns = kHighestTrackable;
      ++clamped_;
    }
    ++counts_[index_of(value_ns)];
    ++total_;
    sum_ += value_ns;
    if (value_ns < min_) min_ = value_ns;
    if (value_ns > max_) max_ = value_ns;
  }
  // Adds `count` recordings of one value (e.g. when loading a serialized bucket).
  void record_n(std::uint64_t value_ns, std::uint64_t count) noexcept;
  void add(const LatencyHistogram& other) noexcept;
  void reset() noexcept;

  // The value at or below which `percentile` percent (0..100) of recordings fall, to the
  // histogram's precision; never above max(). 0 when empty.
  std::uint64_t value_at_percentile(double percentile) const noexcept;
  std::uint64_t count() const noexcept { return total_; }
  std::uint64_t min() const noexcept { return total_ == 0 ? 0 : min_; }
  std::uint64_t max() const noexcept { return max_; }
  double mean() const noexcept;    // exact: from the running sum of recorded (clamped) values
  double stddev() const noexcept;  // from bucket midpoints, as HdrHistogram does
  std::uint64_t sum() const noexcept { return sum_; }
  std::uint64_t clamped_count() const noexcept { return clamped_; }

  // Calls visit(const HistogramBucket&) for each non-empty bucket, lowest values first.
  template <class Visit>
  void for_each_bucket(Visit&& visit) const {
    for (std::size_t i = 0; i < kCountsLength; ++i) {
      if (counts_[i] != 0) visit(bucket_at(i));
    }
  }
  HistogramBucket bucket_at(std::size_t index) const noexcept;
  std::uint64_t count_at_index(std::size_t index) const noexcept { return counts_[index]; }

  // Restores exact internal state (used by deserialization); false when inconsistent.
  bool restore(std::uint64_t min, std::uint64_t max, std::uint64_t sum, std::uint64_t clamped,
               const std::vector<std::pair<std::size_t, std::uint64_t>>& sparse_counts);

  static std::size_t index_of(std::uint64_t value) noexcept {
    // Bucket b holds values in [2^(b+10), 2^(b+11)) at resolution 2^b; bucket 0 also holds [0, 1024).
    const int pow2_ceiling = 64 - __builtin_clzll(value | (kSubBucketCount - 1));
    const int bucket = pow2_ceiling - (kSubBucketHalfMagnitude + 1);
    return (static_cast<std::size_t>(bucket) << kSubBucketHalfMagnitude) + (value >> bucket);
  }
  static std::uint64_t lowest_equivalent(std::size_t index) noexcept;
  static std::uint64_t highest_equivalent(std::size_t index) noexcept;

 private:
  std::vector<std::uint64_t> counts_;
  std::uint64_t total_ = 0;
  std::uint64_t sum_ = 0;
  std::uint64_t min_ = UINT64_MAX;
  std::uint64_t max_ = 0;
  std::uint64_t clamped_ = 0;
};

}  // namespace apibench
