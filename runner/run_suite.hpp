#pragma once
// `apibench run`: every cell of a suite, a results folder, a summary table.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace apibench::runner {

struct RunOptions {
  std::string suite = "quick";
  std::vector<std::string> servers;  // overrides the suite's list when not empty
  std::vector<std::string> workloads;  // only these workloads of the suite; empty: all
  std::vector<int> server_cpus;      // empty: the default split
  std::vector<int> load_cpus;
  std::optional<std::chrono::milliseconds> duration;
  std::optional<std::chrono::milliseconds> warmup;
  std::optional<unsigned> repetitions;
  std::optional<unsigned> max_repetitions;  // rounds added for evidence up to this many (runner/evidence.hpp)
  std::optional<std::chrono::milliseconds> time_budget;  // the whole run's, added rounds included
  std::chrono::milliseconds ready_timeout{15000};  // for a server's ready line
  bool count_allocations = false;  // also when the suite does not ask for it
  std::filesystem::path source_dir;
  std::filesystem::path build_dir;
  std::filesystem::path servers_dir;  // where the manifests are; empty: source_dir/servers
  std::filesystem::path results_root;
  std::vector<std::string> argv;  // recorded with the run
};

// Exit codes of `apibench run`.
inline constexpr int kRunOk = 0;
inline constexpr int kRunCellFailed = 1;      // a cell failed or none ran; the rest is kept
inline constexpr int kRunCannotStart = 2;     // a suite or server list that cannot run
inline constexpr int kRunResultsUnwritten = 3;  // the results folder could not be written (a full disk)
// Interrupted by a signal: 128 + its number (130 for Ctrl-C), see stop_exit_code().

struct RunOutcome {
  int exit_code = kRunOk;
  std::filesystem::path run_dir;  // empty when nothing was written
  bool interrupted = false;
};

RunOutcome run_suite(const RunOptions& options);

}  // namespace apibench::runner
