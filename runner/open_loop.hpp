#pragma once
// An open-loop cell's rate: a closed-loop probe finds what the server can do at
// the cell's connections, then every repetition offers a fraction of that.
#include <map>
#include <string>
#include <vector>

#include "loadgen/load.hpp"
#include "runner/cell.hpp"
#include "runner/suite.hpp"

namespace apibench::runner {

// Runs spec closed loop for its duration (the probe), then sets spec.rate to
// open_loop.fraction_of_max of what the probe delivered. A probe that got no
// responses leaves spec closed loop and records a rate of zero.
OpenLoopRecord probe_and_offer(loadgen::LoadSpec& spec, const OpenLoopSpec& open_loop);

// A sweep's maximum that sets an open-loop cell's rate (OpenLoopSpec::max_from).
struct SweepMaximum {
  double requests_per_second = 0;  // 0: there is none, and why_none says why
  std::string server;              // whose maximum: the cell's own server's, or the lowest one's
  std::string why_none;
};

// The maximum each of servers takes its rate from, out of the cells run so far.
std::map<std::string, SweepMaximum> sweep_maxima(const OpenLoopSpec& open_loop, const std::vector<std::string>& servers,
                                                 const std::vector<CellResult>& done);

// Sets spec.rate to open_loop.fraction_of_max of the maximum (which must be positive).
OpenLoopRecord offer_from_sweep(loadgen::LoadSpec& spec, const OpenLoopSpec& open_loop, const SweepMaximum& max);

}  // namespace apibench::runner
