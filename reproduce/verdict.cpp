#include "reproduce/verdict.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

#include "reproduce/number_format.hpp"
#include "runner/mann_whitney.hpp"

namespace apibench::reproduce {
namespace {

Verdict direction(bool favoured_wins) { return favoured_wins ? Verdict::holds : Verdict::does_not_hold; }

Verdict judge_repeated(const ServerValue& f, const ServerValue& o, double effect, bool favoured_wins,
                       const PairRule& rule, std::string& detail) {
  const std::size_t nf = f.samples.size(), no = o.samples.size();
  // Checked before the test: with ties the runner falls back to the normal approximation,
  // which can dip under 0.05 where no arrangement of 3 against 3 can.
  if (runner::smallest_possible_p(nf, no) >= kSignificance) {
    detail += fmt::format(", {} vs {} repetitions cannot reach p < {}; {} or more each are needed", nf, no, kSignificance,
                          kMinRepetitions);
    return Verdict::inconclusive;
  }
  const runner::UTestResult test = runner::mann_whitney_u(f.samples, o.samples);
  detail += fmt::format(", p = {:.3f}{} ({} vs {} repetitions)", test.p_value, test.exact ? "" : " (ties: normal approximation)",
                        nf, no);
  if (test.p_value >= kSignificance) return Verdict::inconclusive;
  if (effect < rule.min_effect) {
    detail += fmt::format(", under the {:.0f}% minimal effect", rule.min_effect * 100);
    return Verdict::inconclusive;
  }
  return direction(favoured_wins);
}

}  // namespace

Verdict judge_pair(const ServerValue& favoured, const ServerValue& other, const PairRule& rule, std::string& detail) {
  if (!favoured.measured() || !other.measured()) {
    const ServerValue& missing = favoured.measured() ? other : favoured;
    detail = fmt::format("{}: {}", missing.server, missing.note.empty() ? "no value" : missing.note);
    return Verdict::not_measured;
  }
  const double f = favoured.spread().median, o = other.spread().median;
  if (f == o) {
    detail = "equal medians";
    return f == 0 || favoured.samples.size() == 1 ? Verdict::does_not_hold : Verdict::inconclusive;
  }
  const bool favoured_wins = rule.lower_is_better ? f < o : f > o;
  // How far apart, as the larger over the smaller less one: 100 against 115 is 15%.
  const double smaller = std::min(std::abs(f), std::abs(o));
  const double effect = smaller > 0 ? std::max(std::abs(f), std::abs(o)) / smaller - 1 : INFINITY;
  detail = o != 0 ? fmt::format("{}x", format_ratio(f / o)) : fmt::format("{} vs 0", format_number(f));
  if (favoured.samples.size() >= 2 && other.samples.size() >= 2) {
    return judge_repeated(favoured, other, effect, favoured_wins, rule, detail);
  }
  detail += ", single measurement";
  if (effect < rule.single_margin) {
    detail += fmt::format(", within its {:.0f}% resolution", rule.single_margin * 100);
    return Verdict::inconclusive;
  }
  return direction(favoured_wins);
}

Verdict judge_threshold(const ServerValue& value, const ThresholdRule& rule, std::string& detail) {
  if (!value.measured()) {
    detail = value.note.empty() ? "no value" : value.note;
    return Verdict::not_measured;
  }
  const runner::Spread s = value.spread();
  const bool at_most = rule.bound == Bound::at_most;
  detail = fmt::format("{} {} {}", format_number(s.median), at_most ? "vs at most" : "vs at least", format_number(rule.limit));
  const bool all_pass = at_most ? s.max <= rule.limit : s.min >= rule.limit;
  const bool all_fail = at_most ? s.min > rule.limit : s.max < rule.limit;
  if (!all_pass && !all_fail) {
    detail += ", the repetitions straddle the bar";
    return Verdict::inconclusive;
  }
  const std::size_t n = value.samples.size();
  if (n > 1 && n < kMinRepetitions) {
    detail += fmt::format(", {} repetitions cannot decide a bar; {} or more are needed", n, kMinRepetitions);
    return Verdict::inconclusive;
  }
  return all_pass ? Verdict::holds : Verdict::does_not_hold;
}

}  // namespace apibench::reproduce
