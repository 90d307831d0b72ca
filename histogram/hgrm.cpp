#include "histogram/hgrm.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace apibench {
namespace {

// HdrHistogram's percentile iteration: report steps halve each time the remaining tail halves.
double next_percentile(double percentile, int ticks_per_half_distance) {
  const auto halvings = static_cast<std::int64_t>(std::log2(100.0 / (100.0 - percentile))) + 1;
  const double ticks = ticks_per_half_distance * std::pow(2.0, static_cast<double>(halvings));
  return percentile + 100.0 / ticks;
}

void append_footer(std::string& out, const LatencyHistogram& h, const HgrmOptions& o) {
  fmt::format_to(std::back_inserter(out), "#[Mean    = {:12.{}f}, StdDeviation   = {:12.{}f}]\n",
                 h.mean() / o.ns_per_unit, o.decimals, h.stddev() / o.ns_per_unit, o.decimals);
  fmt::format_to(std::back_inserter(out), "#[Max     = {:12.{}f}, Total count    = {:12d}]\n",
                 static_cast<double>(h.max()) / o.ns_per_unit, o.decimals, h.count());
  fmt::format_to(std::back_inserter(out), "#[Buckets = {:12d}, SubBuckets     = {:12d}]\n",
                 LatencyHistogram::kBucketCount, LatencyHistogram::kSubBucketCount);
}

}  // namespace

std::string to_hgrm(const LatencyHistogram& h, const HgrmOptions& o) {
  std::string out = fmt::format("{:>12} {:>14} {:>10} {:>14}\n\n", "Value", "Percentile", "TotalCount",
                                "1/(1-Percentile)");
  const auto line = [&](std::uint64_t value, double percentile, std::uint64_t cumulative) {
    const double scaled = static_cast<double>(value) / o.ns_per_unit;
    if (percentile >= 100.0) {
      fmt::format_to(std::back_inserter(out), "{:12.{}f} {:2.12f} {:10d}\n", scaled, o.decimals, 1.0, cumulative);
    } else {
      const double fraction = percentile / 100.0;
      fmt::format_to(std::back_inserter(out), "{:12.{}f} {:2.12f} {:10d} {:14.2f}\n", scaled, o.decimals, fraction,
                     cumulative, 1.0 / (1.0 - fraction));
    }
  };
  const auto total = h.count();
  std::uint64_t cumulative = 0;
  std::uint64_t last_value = 0;
  double report_at = 0.0;
  h.for_each_bucket([&](const HistogramBucket& b) {
    cumulative += b.count;
    last_value = std::min(b.highest, h.max());
    const double reached = 100.0 * static_cast<double>(cumulative) / static_cast<double>(total);
    // Like HdrHistogram, the last bucket reports one step and then the 100% line.
    while (report_at <= reached) {
      line(last_value, report_at, cumulative);
      report_at = next_percentile(report_at, o.ticks_per_half_distance);
      if (cumulative == total) break;
    }
  });
  if (total > 0) line(last_value, 100.0, total);
  append_footer(out, h, o);
  return out;
}

}  // namespace apibench
