#pragma once
// Lossless serialization: the exact counters as sparse [bucket index, count] pairs plus the
// exact min, max, sum and clamped count, so a loaded histogram merges exactly like the original.
//   {"format": "apibench.histogram/1", "unit": "ns", "significant_digits": 3,
//    "highest_trackable": 68719476735, "count": N, "min": .., "max": .., "sum": .., "clamped": ..,
//    "buckets": [[index, count], ...]}
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "histogram/latency_histogram.hpp"

namespace apibench {

inline constexpr const char* kHistogramFormat = "apibench.histogram/1";

nlohmann::json histogram_to_json(const LatencyHistogram& histogram);
// nullopt and a one-line reason in `error` when the JSON is not a histogram this code wrote.
std::optional<LatencyHistogram> histogram_from_json(const nlohmann::json& json, std::string& error);

}  // namespace apibench
