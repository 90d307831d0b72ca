#pragma once
// run.json (schema apibench.run/1, docs/results.md) as typed structs, loaded once
// and shared by the markdown, HTML, CSV and chart writers.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "runner/environment.hpp"
#include "runner/spread.hpp"

namespace apibench::report {

using runner::Spread;

// The environment a run recorded: the runner's own type, read back from run.json.
using EnvironmentData = runner::Environment;

struct TimelineSecond {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  double p99_us = 0;
};

struct RepetitionData {
  std::string histogram_file;  // relative to the run folder; empty when not recorded
  std::vector<TimelineSecond> timeline;
  double requests_per_second = 0;
  std::optional<double> allocations_per_request;  // null in run.json when not counted
};

struct CellSummaryData {
  Spread requests_per_second;
  Spread p50_us, p99_us, p999_us, max_us;
  Spread cpu_us_per_request;
  Spread rss_peak_mib;
  std::optional<Spread> allocations_per_request;  // over the repetitions that counted them
  std::uint64_t errors = 0;
  bool noisy = false;
};

struct IdleData {
  unsigned asked = 0;
  unsigned answered = 0;
  std::uint64_t rss_before_bytes = 0;
  std::uint64_t rss_after_bytes = 0;
  double rss_per_connection_bytes = 0;
};

enum class CellStatus { ok, failed, skipped };

struct CellData {
  std::string server;
  std::string workload;
  unsigned connections = 0;
  CellStatus status = CellStatus::failed;
  std::string error;
  std::string server_exit;
  std::vector<RepetitionData> repetitions;
  std::optional<CellSummaryData> summary;  // absent when no repetition finished
  std::optional<IdleData> idle;            // idle-connection workloads only

  // A cell with load numbers to tabulate and chart.
  bool measured() const { return status == CellStatus::ok && summary && !idle; }
};

struct RunData {
  std::filesystem::path dir;
  std::string suite;
  std::string started;
  std::string finished;
  bool complete = false;
  EnvironmentData environment;
  std::vector<int> server_cpus;
  std::vector<int> load_cpus;
  long long duration_ms = 0;
  long long warmup_ms = 0;
  unsigned repetitions = 0;
  std::vector<std::string> warnings;
  std::vector<CellData> cells;

  // Workload and server names in the order the run measured them.
  std::vector<std::string> workloads() const;
  std::vector<std::string> servers() const;
  // The measured (ok, non-idle) cells of one workload.
  std::vector<const CellData*> measured_cells(const std::string& workload) const;
};

const char* status_name(CellStatus status);

// Reads <run_dir>/run.json. Throws std::runtime_error naming the file and what is
// wrong when it cannot be read, is not JSON, or is not apibench.run/1.
RunData load_run(const std::filesystem::path& run_dir);

}  // namespace apibench::report
