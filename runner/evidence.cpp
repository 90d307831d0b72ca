#include "runner/evidence.hpp"

#include <cmath>
#include <fmt/format.h>

#include "runner/mann_whitney.hpp"
#include "runner/spread.hpp"

namespace apibench::runner {
namespace {

double cpu_us_per_request(const Repetition& r) { return r.server.cpu_us_per_request; }
double requests_per_second(const Repetition& r) { return r.load.requests_per_second(); }
double p99_us(const Repetition& r) { return static_cast<double>(r.load.latency.value_at_percentile(99)) / 1000.0; }

std::vector<double> values_of(const CellResult& c, const WatchedMetric& m) {
  std::vector<double> v;
  for (const auto& r : c.repetitions) v.push_back(m.value(r));
  return v;
}

}  // namespace

const std::vector<WatchedMetric>& watched_metrics() {
  static const std::vector<WatchedMetric> metrics{
      {"CPU us/request", 0.05, cpu_us_per_request},
      {"requests/s", 0.05, requests_per_second},
      {"p99", 0.25, p99_us},
  };
  return metrics;
}

std::vector<UndecidedPair> undecided_pairs(const std::vector<const CellResult*>& group) {
  std::vector<const CellResult*> measured;
  for (const CellResult* c : group) {
    if (c->ok && !c->repetitions.empty()) measured.push_back(c);
  }
  std::vector<UndecidedPair> undecided;
  for (std::size_t i = 0; i < measured.size(); ++i) {
    for (std::size_t j = i + 1; j < measured.size(); ++j) {
      for (const auto& m : watched_metrics()) {
        const auto a = values_of(*measured[i], m), b = values_of(*measured[j], m);
        const double ma = spread_of(a).median, mb = spread_of(b).median;
        const double low = std::min(std::abs(ma), std::abs(mb));
        if (low <= 0 || std::abs(ma - mb) / low < m.minimal_effect) continue;  // settled: within the minimal effect
        const double p = mann_whitney_u(a, b).p_value;
        if (p < kEvidenceLevel) continue;  // settled: the test has its evidence
        undecided.push_back({measured[i]->server, measured[j]->server,
                             fmt::format("{} vs {}: {} differs by {:.0f}%, p = {:.2f}", measured[i]->server,
                                         measured[j]->server, m.name, 100 * std::abs(ma - mb) / low, p)});
      }
    }
  }
  return undecided;
}

}  // namespace apibench::runner
