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

DecompositionPair decompose_pair(const std::vector<ClaimResult>& claims, const ServerPair& real, const ServerPair& design) {
  DecompositionPair out{real.rust, real.go, {}};
  for (const auto& claim : claims) {
    for (const auto& row : claim.rows) {
      auto rr = median_of(row, real.rust), rg = median_of(row, real.go);
      auto dr = median_of(row, design.rust), dg = median_of(row, design.go);
      if (!rr || !rg || !dr || !dg) continue;
      DecompositionRow r{claim.number, row.metric, row.unit, *rr, *rg, *dr, *dg, *rr / *rg, *dr / *dg, {}, ""};
      r.fraction = reproduced_fraction(r.real_ratio, r.design_ratio);
      if (!r.fraction) r.note = "the real servers differ by less than 5%: no gap to reproduce";
      out.rows.push_back(std::move(r));
    }
  }
  return out;
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
  if (config.families.size() < 2) return d;
  const auto design_pairs = config.families[0].pairs();
  if (design_pairs.empty()) return d;
  d.design_rust = design_pairs.front().rust;
  d.design_go = design_pairs.front().go;
  for (const auto& real : config.families[1].pairs()) {
    DecompositionPair pair = decompose_pair(claims, real, design_pairs.front());
    if (!pair.rows.empty()) d.pairs.push_back(std::move(pair));
  }
  return d;
}

}  // namespace apibench::reproduce
