#pragma once
// Verdicts that account for noise. A pair verdict needs the exact two-sided Mann-Whitney
// U p-value under 0.05 AND the claimed winner ahead by more than a minimal effect; when
// the repetitions are too few for the test ever to reach 0.05 (3 against 3: at best
// p = 0.1) the verdict is inconclusive and says so. Ranges that do not overlap are not
// evidence on their own: one disturbed window moves a range. Bar verdicts need every
// repetition on one side of the bar, and at least kMinRepetitions of them. Single
// measurements (a sweep's maximum, lines of code) need a margin instead. docs/reproduce.md.
#include <cstddef>

#include "reproduce/claim_model.hpp"

namespace apibench::reproduce {

inline constexpr double kSignificance = 0.05;
// The fewest repetitions per side with which the exact test can reach p < 0.05 (4 against
// 4: p = 0.029). Bars ask as many, so one disturbed window among three cannot decide a bar.
inline constexpr std::size_t kMinRepetitions = 4;

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
// sample is on the wrong side, inconclusive when the repetitions straddle it or are
// fewer than kMinRepetitions (a single measurement is judged on its own).
Verdict judge_threshold(const ServerValue& value, const ThresholdRule& rule, std::string& detail);

}  // namespace apibench::reproduce
