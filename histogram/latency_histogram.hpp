#pragma once
// PLACEHOLDER API (the loadgen helper owns this file and replaces the body):
// an HDR-style log-linear latency histogram in nanoseconds.
#include <cstdint>

namespace apibench {

class LatencyHistogram {
 public:
  void record(std::uint64_t value_ns) noexcept;
  void add(const LatencyHistogram& other) noexcept;
  std::uint64_t value_at_percentile(double percentile) const noexcept;
  std::uint64_t count() const noexcept;
  std::uint64_t min() const noexcept;
  std::uint64_t max() const noexcept;
  double mean() const noexcept;
};

}  // namespace apibench
