#include "reproduce/claims_report.hpp"

#include <fmt/format.h>

#include <array>

#include "reproduce/number_format.hpp"

namespace apibench::reproduce {

std::string family_summary(const ClaimResult& claim, const std::string& family) {
  std::array<int, 4> counts{};
  for (const auto& row : claim.rows) {
    for (const auto& j : row.judgements) {
      if (j.family == family) ++counts[static_cast<std::size_t>(j.verdict)];
    }
  }
  std::string out;
  for (Verdict v : {Verdict::holds, Verdict::does_not_hold, Verdict::inconclusive, Verdict::not_measured}) {
    const int n = counts[static_cast<std::size_t>(v)];
    if (n > 0) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", n, verdict_text(v));
  }
  return out.empty() ? "-" : out;
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
