#pragma once
// A results folder built the way `apibench run` builds one (the runner's own to_json
// and save_histograms), from latencies recorded with known values:
//   servers   rust-style, go-style, "<x&y>" (a name that must be escaped)
//   json      16 and 64 connections, every server, 3 repetitions
//   cache     64 connections: rust-style ok, go-style failed, "<x&y>" skipped
//   idle-1k   1000 idle connections: rust-style and go-style
#include <filesystem>
#include <nlohmann/json.hpp>

namespace apibench::report::testing {

struct SyntheticOptions {
  bool complete = true;
};

// Writes run.json and histograms/ into run_dir (created) and returns run.json's content.
nlohmann::json write_synthetic_run(const std::filesystem::path& run_dir, const SyntheticOptions& options = {});

// requests/s of repetition r (0..2) of a measured cell: base * {1, 1.01, 0.99}, or
// base * {1, 1.2, 0.9} for the noisy <x&y>.
double synthetic_rps(const std::string& server, unsigned connections, int repetition);

// How many charts the synthetic run gets (see chart_plan.hpp):
// json: throughput, CPU, RSS, 2 scaling, 2 x (spectrum + timeline) = 9;
// cache: throughput, spectrum, timeline, CPU, RSS = 5; idle: 1.
inline constexpr int kSyntheticChartCount = 15;

std::string read_file(const std::filesystem::path& file);

}  // namespace apibench::report::testing
