#include "reproduce/stability.hpp"

#include <fmt/format.h>
#include <random>

namespace apibench::reproduce {
namespace {

// std::mt19937_64's sequence is fixed by the standard, the standard distributions' are not:
// a plain modulo keeps the figure the same with every standard library (its bias is below
// 1e-16 for repetition counts).
void resample(const std::vector<double>& from, std::mt19937_64& rng, std::vector<double>& into) {
  into.resize(from.size());
  for (double& v : into) v = from[rng() % from.size()];
}

}  // namespace

std::string Stability::text() const {
  if (agreement) return fmt::format("{:.2f}", *agreement);
  return why_none.empty() ? "-" : fmt::format("- ({})", why_none);
}

std::string stability_definition(const BootstrapPlan& plan) {
  return fmt::format("Stability: the share of {} resamples of each server's repetitions (a bootstrap, fixed seed) that "
                     "give the same verdict; a decided verdict is firm at {:.2f} or more",
                     plan.resamples, kFirmStability);
}

Stability verdict_stability(const std::vector<std::vector<double>>& samples, const SameVerdict& same_verdict,
                            const BootstrapPlan& plan) {
  for (const auto& s : samples) {
    if (s.empty()) return {std::nullopt, "not measured"};
    if (s.size() == 1) return {std::nullopt, "single measurement: nothing to resample"};
  }
  if (plan.resamples == 0) return {std::nullopt, "no resamples asked for"};
  std::mt19937_64 rng(plan.seed);
  std::vector<std::vector<double>> resampled(samples.size());
  unsigned same = 0;
  for (unsigned r = 0; r < plan.resamples; ++r) {
    for (std::size_t i = 0; i < samples.size(); ++i) resample(samples[i], rng, resampled[i]);
    if (same_verdict(resampled)) ++same;
  }
  return {static_cast<double>(same) / plan.resamples, ""};
}

}  // namespace apibench::reproduce
