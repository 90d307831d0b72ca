#pragma once
// The measured part of a load cell against a server that is already up: the
// warm-up, the closed-loop probe of an open-loop workload, and the repetitions.
// Kept apart from starting and stopping the server so tests can run it against
// a server in their own process.
#include <sys/types.h>

#include <functional>
#include <string>
#include <vector>

#include "loadgen/load.hpp"
#include "runner/cell.hpp"
#include "runner/suite.hpp"

namespace apibench::runner {

struct RunningServer {
  pid_t pid = 0;  // the process whose /proc figures are read around each repetition
  unsigned port = 0;
  // Empty while the server runs; once it is gone, how it ended.
  std::function<std::string()> gone;
};

// The spec of the named requests of w at connections, pinned to the load CPUs,
// for one measured window; closed loop, no warm-up.
loadgen::LoadSpec load_spec(const CellContext& ctx, const Workload& w, const std::string& name,
                            const std::vector<WorkloadRequest>& requests, unsigned connections, unsigned port);

// Fills cell.repetitions (and cell.open_loop); sets cell.ok, or cell.error saying why not.
// Throws std::runtime_error when the server dies during a repetition.
void run_load_repetitions(const CellContext& ctx, const RunningServer& server, const Workload& w, unsigned connections,
                          CellResult& cell);

}  // namespace apibench::runner
