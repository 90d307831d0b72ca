#pragma once
// When the servers of a group have taken enough rounds. A verdict between two
// servers (reproduce's pairs, compare's changes) needs p < 0.05 in the exact
// two-sided Mann-Whitney U test, which 3 repetitions against 3 can never give
// (p >= 0.1) and 4 against 4 can (0.029). A pair is still undecided on a metric
// when the medians differ by at least the metric's minimal effect but the test
// does not yet give p < 0.05: more rounds can settle it. A pair within the
// minimal effect is settled (no verdict would call it a difference) whatever
// the test says, so rounds are added only where they can change a verdict.
#include <string>
#include <vector>

#include "runner/cell.hpp"

namespace apibench::runner {

// A figure the verdicts judge, with the smallest relative difference between
// two servers worth more rounds: reproduce's pair verdicts count 5% on CPU
// time and throughput; a p99 moves by a quarter between windows of one server
// with nothing changed, so a smaller p99 gap is not worth the rounds. (Compare's
// minimal effects, report/compare.cpp, are another figure: how far one server
// drifts between two runs of one build.)
struct WatchedMetric {
  const char* name;
  double minimal_effect;  // relative: 0.05 is 5%
  double (*value)(const Repetition&);
};
const std::vector<WatchedMetric>& watched_metrics();

inline constexpr double kEvidenceLevel = 0.05;

struct UndecidedPair {
  std::string a, b;  // server names
  std::string text;  // "rust-style vs go-style: CPU us/request differs by 12%, p = 0.20"
};

// One per undecided pair and metric; empty when every pair is settled. Cells
// that are not ok, or have no repetition, take no part.
std::vector<UndecidedPair> undecided_pairs(const std::vector<const CellResult*>& group);

}  // namespace apibench::runner
