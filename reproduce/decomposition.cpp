#include "reproduce/decomposition.hpp"

#include <cmath>

namespace apibench::reproduce {
namespace {

std::optional<double> median_of(const MetricRow& row, const std::string& server) {
  const ServerValue* v = row.value_of(server);
  if (v == nullptr || !v->measured()) return std::nullopt;
  double m = v->spread().median;
  return m > 0 ? std::optional<double>(m) : std::nullopt;
}

}  // namespace

std::optional<double> reproduced_fraction(double real_ratio, double design_ratio) {
  if (!(real_ratio > 0) || !(design_ratio > 0) || !std::isfinite(real_ratio) || !std::isfinite(design_ratio)) {
    return std::nullopt;
  }
  const double real_gap = std::log(real_ratio);
  if (std::abs(real_gap) < std::log(kMinRealGap)) return std::nullopt;
  return std::log(design_ratio) / real_gap;
}

Decomposition decompose(const std::vector<ClaimResult>& claims, const ReproduceConfig& config) {
  Decomposition d;
  if (config.families.size() < 2 || config.families[0].go.empty() || config.families[1].go.empty()) return d;
  d.design_rust = config.families[0].rust;
  d.design_go = config.families[0].go.front();
  d.real_rust = config.families[1].rust;
  d.real_go = config.families[1].go.front();
  for (const auto& claim : claims) {
    for (const auto& row : claim.rows) {
      auto rr = median_of(row, d.real_rust), rg = median_of(row, d.real_go);
      auto dr = median_of(row, d.design_rust), dg = median_of(row, d.design_go);
      if (!rr || !rg || !dr || !dg) continue;
      DecompositionRow out{claim.number, row.metric, row.unit, *rr, *rg, *dr, *dg, *rr / *rg, *dr / *dg, {}, ""};
      out.fraction = reproduced_fraction(out.real_ratio, out.design_ratio);
      if (!out.fraction) out.note = "the real servers differ by less than 5%: no gap to reproduce";
      d.rows.push_back(std::move(out));
    }
  }
  return d;
}

}  // namespace apibench::reproduce
