#pragma once
// run.json (schema apibench.run/1, docs/results.md) as typed structs: the one reader
// of a run. The report's markdown, HTML, CSV and chart writers use it, and so do
// `apibench reproduce` (its claims and ratios) and `reproduce --from`.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "runner/environment.hpp"
#include "runner/spread.hpp"

namespace apibench::report {

using runner::Spread;

// The environment a run recorded: the runner's own type, read back from run.json.
using EnvironmentData = runner::Environment;

// The figures every repetition has, so claims can test repetitions against each other.
enum class Metric {
  requests_per_second,
  p50_us,
  p99_us,
  p999_us,
  max_us,
  cpu_us_per_request,
  rss_peak_mib,
  allocations_per_request
};

struct TimelineSecond {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  double p99_us = 0;
};

std::vector<double> second_p99s(const std::vector<TimelineSecond>& timeline);

struct RepetitionData {
  std::string histogram_file;  // relative to the run folder; empty when not recorded
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;  // transport errors and non-2xx answers
  double requests_per_second = 0, p50_us = 0, p99_us = 0, p999_us = 0, max_us = 0;
  double cpu_us_per_request = 0, rss_peak_mib = 0;
  std::optional<double> allocations_per_request;  // null in run.json when not counted
  std::vector<TimelineSecond> timeline;
  bool background = false;  // a background load group ran beside the measured requests
  // Open loop: p99 from each request's actual send (p99_us runs from its intended send).
  std::optional<double> service_time_p99_us;

  std::optional<double> value(Metric m) const;
};

struct SweepStepData {
  double rate = 0;
  double requests_per_second = 0, p50_us = 0, p99_us = 0, p999_us = 0, max_us = 0;
  bool met = false;
  std::string verdict;
  std::vector<TimelineSecond> timeline;  // empty in runs written before steps recorded one
  unsigned attempts = 1;                 // 2 when a p99 miss was re-run ("met on re-run" when it passed)
  double first_attempt_p99_us = 0;       // the missed attempt's p99, when re-run
};

struct SweepData {
  double probe_requests_per_second = 0;
  std::optional<double> max_rate;  // the highest rate whose step met the SLO
  std::vector<SweepStepData> steps;
};

// An open-loop cell: the closed-loop probe, and the rate each repetition offered.
struct OpenLoopData {
  double fraction_of_max = 0;
  double probe_requests_per_second = 0;
  double probe_p99_us = 0;
  double offered_rate = 0;
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
  std::vector<std::string> redone_reasons;  // why each window measured again was (runner/cpu_noise.hpp)
  std::optional<CellSummaryData> summary;  // absent when no repetition finished
  std::optional<IdleData> idle;            // idle-connection workloads only
  std::optional<SweepData> sweep;          // sweep workloads only
  std::optional<OpenLoopData> open_loop;   // open-loop workloads only

  bool ok() const { return status == CellStatus::ok; }
  bool background() const;
  // A cell with load numbers to tabulate and chart.
  bool measured() const { return ok() && summary && !idle; }
  std::vector<double> values(Metric m) const;  // one per repetition that has it
  std::uint64_t total_requests() const;
  std::uint64_t total_errors() const;
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
  // The ok cells of one workload that ran a sweep.
  std::vector<const CellData*> sweep_cells(const std::string& workload) const;
  // The cell of server and workload; connections 0 matches any count (the first).
  const CellData* find(const std::string& server, const std::string& workload, unsigned connections = 0) const;
};

const char* status_name(CellStatus status);

// What the report says of windows measured again because other work used the
// CPUs: a count over the run, then one line per cell that had any; empty for a
// run that recorded none (runs from before the runner watched for noise too).
std::vector<std::string> redone_window_notes(const RunData& run);

// A parsed run.json. Throws std::runtime_error saying what is wrong when it is
// not apibench.run/1 or a cell does not match it.
RunData run_from_json(const nlohmann::json& run);

// Reads <run_dir>/run.json (or the run.json file itself). Throws std::runtime_error
// naming the file and what is wrong when it cannot be read, is not JSON, or is not
// apibench.run/1.
RunData load_run(const std::filesystem::path& run_dir_or_file);

}  // namespace apibench::report
