#include "histogram/histogram_json.hpp"

#include <utility>
#include <vector>

namespace apibench {

nlohmann::json histogram_to_json(const LatencyHistogram& h) {
  auto buckets = nlohmann::json::array();
  h.for_each_bucket([&](const HistogramBucket& b) { buckets.push_back({b.index, b.count}); });
  return {{"format", kHistogramFormat},
          {"unit", "ns"},
          {"significant_digits", LatencyHistogram::kSignificantDigits},
          {"highest_trackable", LatencyHistogram::kHighestTrackable},
          {"count", h.count()},
          {"min", h.min()},
          {"max", h.max()},
          {"sum", h.sum()},
          {"clamped", h.clamped_count()},
          {"buckets", std::move(buckets)}};
}

namespace {

std::optional<std::vector<std::pair<std::size_t, std::uint64_t>>> sparse_counts(const nlohmann::json& buckets) {
  if (!buckets.is_array()) return std::nullopt;
  std::vector<std::pair<std::size_t, std::uint64_t>> counts;
  counts.reserve(buckets.size());
  for (const auto& pair : buckets) {
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number_unsigned() || !pair[1].is_number_unsigned()) {
      return std::nullopt;
    }
    counts.emplace_back(pair[0].get<std::size_t>(), pair[1].get<std::uint64_t>());
  }
  return counts;
}

bool is_unsigned_field(const nlohmann::json& json, const char* name) {
  return json.contains(name) && json[name].is_number_unsigned();
}

}  // namespace

std::optional<LatencyHistogram> histogram_from_json(const nlohmann::json& json, std::string& error) {
  if (!json.is_object() || json.value("format", "") != kHistogramFormat) {
    error = std::string("not a histogram: expected \"format\": \"") + kHistogramFormat + "\"";
    return std::nullopt;
  }
  for (const char* field : {"count", "min", "max", "sum", "clamped"}) {
    if (!is_unsigned_field(json, field)) {
      error = std::string("histogram field \"") + field + "\" is missing or not an unsigned integer";
      return std::nullopt;
    }
  }
  const auto counts = sparse_counts(json.contains("buckets") ? json["buckets"] : nlohmann::json());
  if (!counts) {
    error = "histogram \"buckets\" must be an array of [index, count] pairs";
    return std::nullopt;
  }
  LatencyHistogram histogram;
  if (!histogram.restore(json["min"], json["max"], json["sum"], json["clamped"], *counts) ||
      histogram.count() != json["count"].get<std::uint64_t>()) {
    error = "histogram buckets are inconsistent with its count, min or max";
    return std::nullopt;
  }
  return histogram;
}

}  // namespace apibench
