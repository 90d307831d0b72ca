#pragma once
// The cells of one workload at one connection count, one per server, measured
// side by side. Every server of the group is started on the server CPUs, then
// the repetitions are taken in rounds, one turn per server, the order rotated
// each round (A1 B1 C1, B2 C2 A2, C3 A3 B3, ...). A slow period of a shared
// machine (they last seconds to minutes) then falls on every server alike
// instead of on whichever one ran through it, so the servers' repetitions are
// samples of the same conditions and a test between them means something.
//
// A server waiting for its turn is idle: no connection, no request. What idle
// servers beside the measured one cost it is measured by
// scripts/bench-idle-neighbours.sh (docs/suites.md, "Interleaving").
#include <chrono>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "runner/cell.hpp"
#include "runner/open_loop.hpp"
#include "runner/run_plan.hpp"

namespace apibench::runner {

// Called before each turn: the cell about to be measured and its round (from 1).
using TurnStarted = std::function<void(const PlannedCell&, unsigned round)>;

// Rounds past the suite's repetitions, taken while a pair of servers is still
// undecided (runner/evidence.hpp), up to max_repetitions in all and while the
// time they take stays within allowance.
struct AddedRounds {
  unsigned max_repetitions = 0;  // no more than the suite's repetitions: none added
  std::chrono::milliseconds allowance{0};
};

// Runs the cells (one workload, one connection count; skipped ones come back
// as skipped) and returns their results in the same order. A server that fails
// to start, or dies, fails its own cell; the others go on.
// sweep_maxima: for a workload whose open-loop rate comes from a sweep, each
// server's maximum (runner/open_loop.hpp); empty otherwise.
std::vector<CellResult> run_cell_group(const CellContext& ctx, const std::vector<const PlannedCell*>& cells,
                                       const AddedRounds& added, const std::map<std::string, SweepMaximum>& sweep_maxima,
                                       const TurnStarted& turn_started);

// Which of n servers takes the k-th turn of a round: the order rotates by one each round.
std::size_t turn_of(std::size_t round, std::size_t k, std::size_t n);

}  // namespace apibench::runner
