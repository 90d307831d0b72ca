#pragma once
// The percentiles every report shows, in one place so the JSON and the table agree.
#include <array>

namespace apibench::loadgen {

struct ReportedPercentile {
  const char* label;
  double value;
};

inline constexpr std::array<ReportedPercentile, 7> kReportedPercentiles{{{"p50", 50.0},
                                                                           {"p75", 75.0},
                                                                           {"p90", 90.0},
                                                                           {"p99", 99.0},
                                                                           {"p99.9", 99.9},
                                                                           {"p99.99", 99.99},
                                                                           {"max", 100.0}}};

}  // namespace apibench::loadgen
