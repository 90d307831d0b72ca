#include "report/cell_latency.hpp"

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "histogram/histogram_json.hpp"

namespace apibench::report {
namespace {

constexpr double kPointsPerDecade = 20;
constexpr double kHighestInverseTail = 1e6;  // 99.9999%

std::optional<LatencyHistogram> load_histogram(const std::filesystem::path& file, std::string& error) {
  std::ifstream in(file);
  if (!in) {
    error = fmt::format("cannot read {}", file.string());
    return std::nullopt;
  }
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) {
    error = file.string() + " is not valid JSON";
    return std::nullopt;
  }
  std::string why;
  auto histogram = histogram_from_json(j, why);
  if (!histogram) error = file.string() + ": " + why;
  return histogram;
}

}  // namespace

std::optional<LatencyHistogram> merged_latency(const RunData& run, const CellData& cell, std::string& error) {
  if (cell.repetitions.empty()) {
    error = "no repetitions";
    return std::nullopt;
  }
  LatencyHistogram merged;
  for (const auto& r : cell.repetitions) {
    if (r.histogram_file.empty()) {
      error = "run.json names no histogram file for a repetition";
      return std::nullopt;
    }
    auto one = load_histogram(run.dir / r.histogram_file, error);
    if (!one) return std::nullopt;
    merged.add(*one);
  }
  return merged;
}

std::vector<SpectrumPoint> percentile_spectrum(const LatencyHistogram& histogram) {
  std::vector<SpectrumPoint> points;
  if (histogram.count() == 0) return points;
  // Past 1/(1-p) = count the percentiles only repeat the maximum.
  const double last = std::min(static_cast<double>(histogram.count()), kHighestInverseTail);
  for (int step = 0;; ++step) {
    double inverse_tail = std::pow(10.0, step / kPointsPerDecade);
    if (inverse_tail >= last) break;
    double percentile = 100.0 * (1.0 - 1.0 / inverse_tail);
    points.push_back({percentile, inverse_tail, static_cast<double>(histogram.value_at_percentile(percentile)) / 1e3});
  }
  points.push_back({100.0 * (1.0 - 1.0 / last), last, static_cast<double>(histogram.max()) / 1e3});
  return points;
}

}  // namespace apibench::report
