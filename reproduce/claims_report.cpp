#include "reproduce/claims_report.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "reproduce/number_format.hpp"

namespace apibench::reproduce {

namespace {

// A claim's criteria hold together: one metric against it is enough to refute it.
Verdict combined(Verdict so_far, Verdict next) {
  if (next == Verdict::not_measured) return so_far;
  if (so_far == Verdict::not_measured) return next;
  if (so_far == Verdict::does_not_hold || next == Verdict::does_not_hold) return Verdict::does_not_hold;
  return so_far == Verdict::holds && next == Verdict::holds ? Verdict::holds : Verdict::inconclusive;
}

std::string counts_text(const std::vector<SubjectVerdict>& verdicts, Compared compared, const char* one, const char* many) {
  std::array<int, 4> counts{};
  int subjects = 0;
  for (const auto& v : verdicts) {
    if (v.compared != compared) continue;
    ++subjects;
    ++counts[static_cast<std::size_t>(v.verdict)];
  }
  if (subjects == 0) return "";
  if (subjects == 1) {
    const auto it = std::find_if(verdicts.begin(), verdicts.end(), [&](const auto& v) { return v.compared == compared; });
    return fmt::format("1 {}: {}", one, verdict_text(it->verdict));
  }
  std::string out = fmt::format("{} {}:", subjects, many);
  const char* separator = " ";
  for (Verdict v : {Verdict::holds, Verdict::does_not_hold, Verdict::inconclusive, Verdict::not_measured}) {
    const int n = counts[static_cast<std::size_t>(v)];
    if (n == 0) continue;
    out += fmt::format("{}{} {}", separator, n, verdict_text(v));
    separator = ", ";
  }
  return out;
}

}  // namespace

std::vector<SubjectVerdict> subject_verdicts(const ClaimResult& claim, const std::string& family) {
  std::vector<SubjectVerdict> out;
  for (const auto& row : claim.rows) {
    for (const auto& j : row.judgements) {
      if (j.family != family) continue;
      auto it = std::find_if(out.begin(), out.end(), [&](const auto& s) { return s.subject == j.subject; });
      if (it == out.end()) out.push_back({j.subject, j.compared, j.verdict});
      else it->verdict = combined(it->verdict, j.verdict);
    }
  }
  return out;
}

std::string family_summary(const ClaimResult& claim, const std::string& family) {
  const auto verdicts = subject_verdicts(claim, family);
  const std::string pairs = counts_text(verdicts, Compared::pair, "pair", "pairs");
  const std::string bars = counts_text(verdicts, Compared::bar, "server against a bar", "servers against a bar");
  if (pairs.empty() && bars.empty()) return "-";
  return pairs.empty() || bars.empty() ? pairs + bars : pairs + "; " + bars;
}

std::string family_label(const Family& f) {
  return fmt::format("{} ({} vs {})", f.name, fmt::join(f.rust, ", "), fmt::join(f.go, ", "));
}

VerdictTally tally_verdicts(const std::vector<ClaimResult>& claims) {
  VerdictTally t;
  for (const auto& claim : claims) {
    for (const auto& row : claim.rows) {
      for (const auto& j : row.judgements) {
        ++t.verdicts;
        if (j.verdict != Verdict::holds && j.verdict != Verdict::does_not_hold) continue;
        ++t.decided;
        if (!j.stability.agreement) ++t.decided_single;
        else if (j.stability.firm()) ++t.firm;
      }
    }
  }
  return t;
}

std::string tally_text(const VerdictTally& t) {
  return fmt::format("{} verdicts: {} decided (holds or does not hold), {} of them firm (stability >= {:.2f}), {} on "
                     "single measurements (no stability figure)",
                     t.verdicts, t.decided, t.firm, kFirmStability, t.decided_single);
}

std::string row_label(const MetricRow& row) {
  return row.unit.empty() ? row.metric : fmt::format("{} ({})", row.metric, row.unit);
}

std::string value_text(const ServerValue& v) {
  if (!v.measured()) return "-";
  return format_spread(v.spread(), v.samples.size());
}

}  // namespace apibench::reproduce
