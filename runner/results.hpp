#pragma once
// The results folder: results/<UTC timestamp>-<suite>/ with run.json written
// atomically after every cell, so an interrupted run keeps what finished.
#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "runner/cell.hpp"
#include "runner/spread.hpp"

namespace apibench::runner {

inline constexpr const char* kRunSchema = "apibench.run/1";

// Writes text to path through a temporary file and a rename: readers see the
// old file or the new one, never half of one. Throws std::runtime_error.
void write_file_atomically(const std::filesystem::path& path, const std::string& text);

// "20261124T011805Z"
std::string utc_timestamp();
// "2026-11-24T01:18:05.123Z": when a repetition's window began, to the millisecond.
std::string utc_timestamp_ms(std::chrono::system_clock::time_point t);

// Creates results_root/<timestamp>-<suite>/ (with a suffix if it exists).
std::filesystem::path create_run_dir(const std::filesystem::path& results_root, const std::string& suite);

// The headline figures of a cell: medians and spreads over its repetitions.
struct CellSummary {
  Spread requests_per_second;
  Spread p50_us, p99_us, p999_us, max_us;
  Spread cpu_us_per_request;
  Spread rss_peak_mib;
  std::uint64_t errors = 0;
  bool noisy = false;
  struct Background {
    Spread requests_per_second;
    Spread p99_us;
    std::uint64_t errors = 0;
  };
  std::optional<Background> background;  // when the workload has a background load
};

CellSummary summarize(const CellResult& cell);
nlohmann::json to_json(const CellResult& cell);

// "histograms/<server>-<workload>-c<connections>-r<repetition>": the latency
// histogram of one repetition is stored as <stem>.json (lossless, mergeable)
// and <stem>.hgrm (HdrHistogram's percentile distribution, in ms).
std::string histogram_stem(const CellResult& cell, std::size_t repetition);
void save_histograms(const std::filesystem::path& run_dir, const CellResult& cell);

}  // namespace apibench::runner
