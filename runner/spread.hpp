#pragma once
// Medians with their spread: how every repeated figure is reported.
#include <vector>

namespace apibench::runner {

struct Spread {
  double median = 0;
  double min = 0;
  double max = 0;
  // (max - min) / median: repetitions that disagree by more than a threshold are noisy.
  double relative_range() const { return median != 0 ? (max - min) / median : 0; }
};

Spread spread_of(std::vector<double> values);

inline constexpr double kNoisyRelativeRange = 0.10;

}  // namespace apibench::runner
