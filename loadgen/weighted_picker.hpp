#pragma once
// Picks request templates in proportion to their weights without randomness on the hot
// path: a smooth weighted round-robin cycle is precomputed at setup, next() walks it.
#include <cstdint>
#include <vector>

namespace apibench::loadgen {

class WeightedPicker {
 public:
  static constexpr std::size_t kCycleLength = 1000;

  // Weights must be finite and >= 0 with a positive sum (checked by validate_spec).
  // `offset` starts the cycle elsewhere, so threads do not send in lockstep.
  explicit WeightedPicker(const std::vector<double>& weights, std::size_t offset = 0);
  std::uint32_t next() noexcept {
    const auto index = cycle_[position_];
    position_ = position_ + 1 == cycle_.size() ? 0 : position_ + 1;
    return index;
  }

 private:
  std::vector<std::uint32_t> cycle_;
  std::size_t position_ = 0;
};

}  // namespace apibench::loadgen
