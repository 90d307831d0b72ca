#pragma once
// Picks request templates in proportion to their weights without randomness on the hot
// path: a cycle is precomputed at setup, next() walks it. Whole-number weights (a
// scenario's variant counts) give a cycle holding each template exactly `weight` times;
// other weights are apportioned over kCycleLength picks. Each template's picks are spread
// evenly over the cycle (stride scheduling), so any stretch of it follows the weights.
#include <cstdint>
#include <vector>

namespace apibench::loadgen {

class WeightedPicker {
 public:
  static constexpr std::size_t kCycleLength = 1000;
  static constexpr std::size_t kMaxExactCycle = std::size_t{1} << 22;

  // Weights must be finite and >= 0 with a positive sum (checked by validate_spec).
  // `offset` starts the cycle elsewhere, so threads do not send in lockstep.
  explicit WeightedPicker(const std::vector<double>& weights, std::size_t offset = 0);
  std::uint32_t next() noexcept {
    const auto index = cycle_[position_];
    position_ = position_ + 1 == cycle_.size() ? 0 : position_ + 1;
    return index;
  }
  std::size_t cycle_length() const noexcept { return cycle_.size(); }

 private:
  std::vector<std::uint32_t> cycle_;
  std::size_t position_ = 0;
};

}  // namespace apibench::loadgen
