#pragma once
// A suite file (suites/<name>.json): which servers, which workloads, how long,
// how many repetitions. docs/suites.md describes the format.
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "loadgen/sweep.hpp"

namespace apibench::runner {

struct WorkloadRequest {
  std::string method = "GET";
  std::string path;
  std::vector<std::string> headers;  // "Name: value"
  std::string body;
  std::string content_type;
  double weight = 1;
};

// Load that runs beside a workload's own, over the same measured window, on
// its own connections: what the measured requests compete with (64
// connections blocking in /work while /json is measured).
struct BackgroundLoad {
  std::string route;  // the contract route it needs from a server ("work")
  std::vector<WorkloadRequest> requests;
  unsigned connections = 0;
};

// "open_loop": each repetition offers a fixed rate, a fraction of the server's own
// closed-loop maximum at the workload's connections (a probe run just before), so a
// latency target such as "p99 at 50% of max" holds each server to its own capacity.
//
// With "max_from", the maximum is not probed but taken from a sweep workload
// that ran earlier in the same run: each server's own maximum ("of": "own"),
// or the lowest maximum of all the run's servers ("of": "lowest"), so every
// server is offered the same load and their tails compare at equal load.
struct OpenLoopSpec {
  double fraction_of_max = 0.5;
  std::string max_from;     // a sweep workload of the suite, earlier than this one; empty: a probe
  bool of_lowest = false;   // with max_from: the lowest of all servers' maxima
};

struct Workload {
  std::string name;
  std::string kind = "load";  // "load": drive requests; "idle": hold connections open and read the server's RSS
  std::string route;  // the contract route it needs from a server ("json")
  std::vector<WorkloadRequest> requests;
  std::vector<unsigned> connections;  // one cell per count
  std::optional<loadgen::SweepSpec> sweep;  // when set, each cell is a sweep instead of repetitions
  std::optional<BackgroundLoad> background;
  std::optional<OpenLoopSpec> open_loop;  // when set, repetitions run open loop after a probe
  // "scenario": a scenario file (docs/loadgen.md), relative to the source dir, expanded into
  // `requests` (its variants, weighted by their counts) and `setup` (e.g. a cache preload).
  std::string scenario;
  std::vector<WorkloadRequest> setup;  // sent once before the workload's load, in order
  // "duration_ms": this workload's measured window instead of the suite's, for a
  // cell that must serve a given number of requests (claim 3's million); -d wins.
  std::optional<std::chrono::milliseconds> duration;
};

struct Suite {
  std::string name;
  std::string description;
  std::vector<std::string> servers;  // names; empty means every available server
  std::vector<Workload> workloads;
  std::chrono::milliseconds duration{3000};
  std::chrono::milliseconds warmup{1000};
  unsigned repetitions = 3;
  // Rounds added past `repetitions` while a pair of servers is undecided
  // (runner/evidence.hpp), up to max_repetitions, within the time budget of
  // the whole run (the added rounds share what the planned cells leave of it).
  unsigned max_repetitions = 3;
  std::optional<std::chrono::milliseconds> time_budget;  // none: only max_repetitions bounds them
  bool count_allocations = false;  // load the allocation counter into each server (slows it a little)
};

// name_or_path is a suite name looked up in source_dir/suites, or a file path.
// Throws std::runtime_error with the file and the reason.
Suite load_suite(const std::string& name_or_path, const std::filesystem::path& source_dir);

// Keeps only the named workloads, in the suite's order. Throws std::runtime_error
// naming an unknown workload and the known ones. An empty list keeps them all.
void keep_workloads(Suite& suite, const std::vector<std::string>& names);

// The exact bytes of one request to host:port.
std::string raw_request(const WorkloadRequest& r, const std::string& host_port);

}  // namespace apibench::runner
