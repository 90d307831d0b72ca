#pragma once
// run.json (apibench.run/1) as reproduce needs it: every metric per repetition,
// so verdicts can test the repetitions against each other, plus sweeps, idle
// connections and per-second p99s. Read from the JSON only: `reproduce --from`
// rebuilds the claims of any run without the histogram files.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace apibench::reproduce {

enum class Metric { requests_per_second, p50_us, p99_us, p999_us, max_us, cpu_us_per_request, rss_peak_mib, allocations_per_request };

struct RepetitionView {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;  // transport errors and non-2xx answers
  double requests_per_second = 0, p50_us = 0, p99_us = 0, p999_us = 0, max_us = 0;
  double cpu_us_per_request = 0, rss_peak_mib = 0;
  std::optional<double> allocations_per_request;
  std::vector<double> second_p99_us;  // the timeline's per-second p99s

  std::optional<double> value(Metric m) const;
};

struct SweepStepView {
  double rate = 0;
  double requests_per_second = 0, p50_us = 0, p99_us = 0, p999_us = 0, max_us = 0;
  bool met = false;
  std::vector<double> second_p99_us;  // empty unless the run recorded step timelines
};

struct SweepView {
  double probe_requests_per_second = 0;
  std::optional<double> max_rate;
  std::vector<SweepStepView> steps;
};

struct CellView {
  std::string server, workload;
  unsigned connections = 0;
  std::string status;  // "ok", "failed", "skipped"
  std::string error;
  std::vector<RepetitionView> repetitions;
  std::optional<SweepView> sweep;
  std::optional<double> idle_rss_per_connection_bytes;
  bool background = false;  // the cell ran a background load group beside its measured requests

  bool ok() const { return status == "ok"; }
  std::vector<double> values(Metric m) const;  // one per repetition that has it
  std::uint64_t total_requests() const;
  std::uint64_t total_errors() const;
};

struct RunView {
  std::filesystem::path dir;
  std::string suite, started;
  bool complete = false;
  nlohmann::json environment;
  nlohmann::json pinning;  // server_cpus, load_cpus
  long long duration_ms = 0, warmup_ms = 0;
  unsigned repetitions = 0;
  std::vector<std::string> warnings;
  std::vector<CellView> cells;

  // The cell of server and workload; connections 0 matches any count (the first).
  const CellView* find(const std::string& server, const std::string& workload, unsigned connections = 0) const;
};

RunView run_view_from_json(const nlohmann::json& run);  // throws std::runtime_error for a wrong schema
RunView load_run_view(const std::filesystem::path& run_dir);

}  // namespace apibench::reproduce
