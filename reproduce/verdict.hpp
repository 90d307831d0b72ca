#pragma once
// Verdicts that account for noise. A pair verdict needs the claimed winner to be
// ahead by more than a minimal effect AND the difference to stand out of the
// repetitions' noise: a Mann-Whitney U p-value under 0.05, or (since 3 against 3
// repetitions cannot reach 0.05) min-max ranges that do not overlap, which is the
// strongest evidence 3 vs 3 can give (exact p = 0.1). docs/reproduce.md.
#include "reproduce/claim_model.hpp"

namespace apibench::reproduce {

struct PairRule {
  bool lower_is_better = true;
  double min_effect = 0.05;     // a winner by less than 5% is "inconclusive" whatever the test says
  double single_margin = 0.15;  // single measurements (a sweep's maximum) must differ by this much
};

// favoured: the server the claim says wins; other: the one it should beat.
Verdict judge_pair(const ServerValue& favoured, const ServerValue& other, const PairRule& rule, std::string& detail);

enum class Bound { at_most, at_least };

struct ThresholdRule {
  Bound bound = Bound::at_most;
  double limit = 0;
};

// Holds when every sample is on the right side of the limit, does not hold when every
// sample is on the wrong side, inconclusive when the repetitions straddle it.
Verdict judge_threshold(const ServerValue& value, const ThresholdRule& rule, std::string& detail);

}  // namespace apibench::reproduce
