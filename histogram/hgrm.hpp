#pragma once
// Export of a histogram's full percentile distribution in HdrHistogram's .hgrm text format
// (outputPercentileDistribution: Value, Percentile, TotalCount, 1/(1-Percentile), then the
// Mean/StdDeviation, Max/Total count and Buckets/SubBuckets footer), which HdrHistogram's
// plotFiles page and wrk2-era tooling read.
#include <string>

#include "histogram/latency_histogram.hpp"

namespace apibench {

struct HgrmOptions {
  double ns_per_unit = 1e6;         // values are printed in this unit; plotFiles expects milliseconds
  int decimals = 6;                 // 6 decimals of a millisecond keep nanosecond resolution
  int ticks_per_half_distance = 5;  // HdrHistogram's default report density
};

std::string to_hgrm(const LatencyHistogram& histogram, const HgrmOptions& options = {});

}  // namespace apibench
