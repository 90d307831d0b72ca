#pragma once
// The cells of a run, decided before the first starts: which server, which
// workload, which connection count, and why a cell will be skipped. Knowing
// them all up front gives the progress display its N and its estimate.
#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/cell.hpp"
#include "runner/manifest.hpp"
#include "runner/run_suite.hpp"
#include "runner/suite.hpp"

namespace apibench::runner {

struct PlannedCell {
  const ServerManifest* server = nullptr;
  const Workload* workload = nullptr;
  unsigned connections = 0;
  std::string skip_reason;  // empty: the cell runs
};

struct RunPlan {
  ManifestSet manifests;
  std::vector<const ServerManifest*> servers;  // the ones the run uses, in order
  std::vector<PlannedCell> cells;
  std::vector<std::string> manifest_errors;  // "<file>: <why>", said as warnings
};

// Servers from options.servers (or the suite's list, or every manifest) times
// the suite's workloads and connection counts, workload by workload: the cells
// of one workload and connection count are adjacent, one per server, in the
// servers' order. Throws std::runtime_error for a
// server name no manifest has. The plan points into suite: keep it alive.
RunPlan make_plan(const RunOptions& options, const Suite& suite);

// What a cell is expected to take without start and stop: warm-up plus
// repetitions x duration, a sweep's probe and steps, or zero when skipped.
std::vector<std::chrono::milliseconds> nominal_times(const RunPlan& plan, const CellContext& ctx);

CellResult skipped_cell(const PlannedCell& p);

// Whether a cell's repetitions are taken in turns beside the other servers'
// (a load workload) or the cell runs on its own (an idle measurement, a sweep).
bool runs_side_by_side(const PlannedCell& p);

// The end of the group that starts at first: the adjacent cells of the same
// workload and connection count that run side by side; first + 1 for a cell
// that runs on its own.
std::size_t group_end(const RunPlan& plan, std::size_t first);

// {"<server>": {program, version, toolchain, modified}} for the servers that run.
nlohmann::json server_builds_json(const RunPlan& plan, const Placeholders& paths);

}  // namespace apibench::runner
