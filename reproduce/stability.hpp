#pragma once
// How repeatable a verdict is. Each server's repetitions are resampled with replacement
// (a bootstrap), the verdict is judged again on every resampled set, and the share of
// sets that give the same verdict is its stability. Repetitions that are clearly apart
// keep their verdict in every resample (1.0); a verdict resting on a chance arrangement
// of overlapping repetitions flips in many. The resamples come from a fixed seed, so the
// figure of a given run is the same every time its claims are written.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace apibench::reproduce {

// A decided verdict is "firm" when at least this share of the resamples agrees with it.
inline constexpr double kFirmStability = 0.9;

struct Stability {
  std::optional<double> agreement;  // the share of resampled sets with the same verdict, 0 to 1
  std::string why_none;             // why there is no figure: "single measurement: nothing to resample"

  bool firm() const { return agreement && *agreement >= kFirmStability; }
  std::string text() const;  // "0.93", or "- (single measurement: nothing to resample)"
};

struct BootstrapPlan {
  unsigned resamples = 1000;
  std::uint64_t seed = 20261204;
};

// What the figure is, for the reports: "Stability: the share of 1000 resamples ...".
std::string stability_definition(const BootstrapPlan& plan = {});

// One resampled set of samples per server, in the order given; true when they give the same verdict.
using SameVerdict = std::function<bool(const std::vector<std::vector<double>>& resampled)>;

// No figure when a server has no sample (not measured) or a single one (nothing to resample).
Stability verdict_stability(const std::vector<std::vector<double>>& samples, const SameVerdict& same_verdict,
                            const BootstrapPlan& plan = {});

}  // namespace apibench::reproduce
