#pragma once
// The latency distribution of a cell: its repetitions' lossless histogram files
// merged into one, and the HdrHistogram-style percentile spectrum drawn from it.
#include <optional>
#include <string>
#include <vector>

#include "histogram/latency_histogram.hpp"
#include "report/run_data.hpp"

namespace apibench::report {

// nullopt and a one-line reason in `error` when a repetition's file is missing or unreadable:
// a partial merge would pass for the whole cell.
std::optional<LatencyHistogram> merged_latency(const RunData& run, const CellData& cell, std::string& error);

struct SpectrumPoint {
  double percentile = 0;      // 0..100
  double inverse_tail = 1;    // 1 / (1 - percentile/100): the log-scaled x axis of HdrHistogram plots
  double latency_us = 0;
};

// Points at 20 per decade of 1/(1-p), from p = 0 (x = 1) up to where the
// histogram runs out of recordings, ending at the maximum.
std::vector<SpectrumPoint> percentile_spectrum(const LatencyHistogram& histogram);

}  // namespace apibench::report
