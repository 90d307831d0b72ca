#pragma once
// One cell of a suite: one server, one workload, one connection count, measured
// over several repetitions against a single start of the server.
#include <atomic>
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "loadgen/load.hpp"
#include "runner/cpu_noise.hpp"
#include "runner/cpu_sets.hpp"
#include "runner/idle_connections.hpp"
#include "runner/manifest.hpp"
#include "runner/suite.hpp"

namespace apibench::runner {

struct ServerSample {
  double cpu_seconds = 0;          // utime+stime over the measured window
  double cpu_us_per_request = 0;
  std::uint64_t rss_peak_bytes = 0;  // over the measured window, sampled
  std::uint64_t rss_mean_bytes = 0;
  long threads = 0;
  std::optional<double> allocations_per_request;  // when counted (LD_PRELOAD) and the server is dynamically linked
  std::uint64_t voluntary_switches = 0;
  std::uint64_t involuntary_switches = 0;
};

struct Repetition {
  loadgen::LoadResult load;
  ServerSample server;
  std::optional<loadgen::LoadResult> background;  // the workload's background load, same window
  std::chrono::system_clock::time_point started{};  // when the measured window began
  unsigned round = 0;  // the round of the cell group it was taken in, from 1 (runner/cell_group.hpp)
  WindowNoise noise;   // what else ran on the measured CPUs meanwhile
};

// What an open-loop cell offered: a fraction of a maximum, either the
// closed-loop maximum a probe at the cell's connections measured just before
// its repetitions, or a sweep's maximum from earlier in the run (max_from).
struct OpenLoopRecord {
  double fraction_of_max = 0;
  double probe_requests_per_second = 0;  // 0 with max_from: no probe ran
  double probe_p99_us = 0;
  double offered_rate = 0;  // requests/s every repetition offered: fraction x the maximum
  std::string max_from;       // the sweep workload the maximum came from; empty: the probe
  std::string max_server;     // whose maximum it is: the cell's own server, or the lowest of all
  double max_requests_per_second = 0;  // the sweep's maximum used (with max_from)
};

// A window measured again because others used the CPUs (runner/cpu_noise.hpp).
struct RedoneWindow {
  unsigned round = 0;
  std::string reason;
};

struct CellResult {
  CellResult() = default;
  CellResult(std::string server_name, std::string workload_name, unsigned connection_count)
      : server(std::move(server_name)), workload(std::move(workload_name)), connections(connection_count) {}

  std::string server;
  std::string workload;
  unsigned connections = 0;
  bool ok = false;
  bool skipped = false;    // not run: the server is not built or does not serve the route
  std::string error;       // why the cell failed or was skipped
  std::string server_exit;  // how the server ended ("exit 0")
  std::vector<Repetition> repetitions;
  std::vector<RedoneWindow> redone;  // windows dropped for noise and measured again
  unsigned added_rounds = 0;         // rounds taken past the suite's repetitions for want of evidence
  std::vector<std::string> undecided;  // its pairs still undecided after the last round (runner/evidence.hpp)
  std::optional<IdleMeasurement> idle;  // for "idle" workloads
  std::optional<loadgen::SweepResult> sweep;  // for workloads with a sweep
  std::optional<OpenLoopRecord> open_loop;    // for open-loop workloads
};

struct CellContext {
  Placeholders paths;        // port and threads are filled per cell
  Pinning pinning;
  std::chrono::milliseconds duration{3000};
  bool duration_from_command_line = false;  // -d given: it wins over a workload's own duration
  std::chrono::milliseconds warmup{1000};
  unsigned repetitions = 1;
  std::filesystem::path log_dir;  // the server's stderr goes to <log_dir>/<cell>.log
  std::filesystem::path alloc_preload;  // count the server's heap allocations with this library; empty: off
  std::chrono::milliseconds ready_timeout{15000};
  // Raised on Ctrl-C: the load, the ready wait and idle connections end early,
  // the unfinished repetition is dropped and the server stopped at once.
  const std::atomic<bool>* stop = nullptr;
  bool stopped() const { return stop && stop->load(); }
};

// The measured window of one repetition of the workload.
std::chrono::milliseconds measured_window(const CellContext& ctx, const Workload& workload);

CellResult run_cell(const CellContext& ctx, const ServerManifest& server, const Workload& workload,
                    unsigned connections);

// A free TCP port on 127.0.0.1, found by binding port 0.
unsigned free_port();

}  // namespace apibench::runner
