#pragma once
// The measured part of a load cell against a server that is already up: the
// warm-up, the closed-loop probe of an open-loop workload, and the repetitions.
// Kept apart from starting and stopping the server so tests can run it against
// a server in their own process.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "loadgen/load.hpp"
#include "runner/cell.hpp"
#include "runner/open_loop.hpp"
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

// The warm-up before a turn that follows other servers' turns (at most the
// suite's warm-up): a quarter second of load refills the caches the idle
// server lost and opens the load's new connections, at a fraction of the cost
// of a full warm-up per repetition.
inline constexpr std::chrono::milliseconds kTurnWarmup{250};

// One load cell measured a repetition at a time, so that the repetitions of
// several servers can alternate (runner/cell_group.hpp). The first repetition
// is preceded by the warm-up (with the workload's setup, and an open-loop
// cell's probe); rewarm() is for a turn that follows other servers' turns.
class LoadCellRun {
 public:
  // cell outlives the run; it receives the repetitions, cell.open_loop and the verdict.
  // from_sweep: the maximum an open-loop workload with max_from offers a fraction of.
  LoadCellRun(const CellContext& ctx, RunningServer server, const Workload& w, unsigned connections, CellResult& cell,
              std::optional<SweepMaximum> from_sweep = std::nullopt);

  // Measures one more repetition into cell.repetitions. False when the cell can
  // take no more (its probe got nothing, or the run was stopped). Throws
  // std::runtime_error when the server dies during it.
  bool take_repetition(unsigned round);
  // A short warm-up before a turn that follows other servers' turns: the server
  // sat idle meanwhile, its caches are cold, and the load's connections are new.
  void rewarm();
  // Sets cell.ok, or cell.error saying why not, once the repetitions are taken.
  void finish();

 private:
  bool prepare();

  const CellContext& ctx_;
  RunningServer server_;
  const Workload& workload_;
  CellResult& cell_;
  loadgen::LoadSpec spec_;
  std::optional<loadgen::LoadSpec> background_;
  std::optional<SweepMaximum> from_sweep_;
  bool prepared_ = false;
};

// Every repetition of one cell back to back (tests, and a server alone):
// fills cell.repetitions (and cell.open_loop); sets cell.ok, or cell.error
// saying why not. Throws std::runtime_error when the server dies.
void run_load_repetitions(const CellContext& ctx, const RunningServer& server, const Workload& w, unsigned connections,
                          CellResult& cell);

}  // namespace apibench::runner
