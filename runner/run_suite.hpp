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
  std::vector<int> server_cpus;      // empty: the default split
  std::vector<int> load_cpus;
  std::optional<std::chrono::milliseconds> duration;
  std::optional<std::chrono::milliseconds> warmup;
  std::optional<unsigned> repetitions;
  bool count_allocations = false;  // also when the suite does not ask for it
  std::filesystem::path source_dir;
  std::filesystem::path build_dir;
  std::filesystem::path results_root;
  std::vector<std::string> argv;  // recorded with the run
};

struct RunOutcome {
  // 0 when every cell ran, 1 when one failed, none ran, or the run was
  // interrupted (what finished is kept), 2 for a suite that cannot run.
  int exit_code = 0;
  std::filesystem::path run_dir;  // empty when nothing was written
};

RunOutcome run_suite(const RunOptions& options);

}  // namespace apibench::runner
