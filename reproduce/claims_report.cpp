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

std::string row_label(const MetricRow& row) {
  return row.unit.empty() ? row.metric : fmt::format("{} ({})", row.metric, row.unit);
}

std::string value_text(const ServerValue& v) {
  if (!v.measured()) return "-";
  return format_spread(v.spread(), v.samples.size());
}

}  // namespace apibench::reproduce
