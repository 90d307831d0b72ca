#pragma once
// The Mann-Whitney U test (two-sided), the test Google Benchmark's compare.py
// uses to say whether two sets of repetitions differ beyond their noise.
#include <vector>

namespace apibench::runner {

struct UTestResult {
  double u = 0;        // U of the first sample
  double p_value = 1;  // two-sided
  bool exact = false;  // exact distribution (small samples without ties) or normal approximation
};

UTestResult mann_whitney_u(const std::vector<double>& a, const std::vector<double>& b);

// The smallest two-sided p-value samples of these sizes can reach: with 3
// repetitions against 3 it is 0.1, so no change can be called significant at 0.05.
double smallest_possible_p(std::size_t n1, std::size_t n2);

}  // namespace apibench::runner
