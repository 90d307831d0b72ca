#pragma once
// An open-loop cell's rate: a closed-loop probe finds what the server can do at
// the cell's connections, then every repetition offers a fraction of that.
#include "loadgen/load.hpp"
#include "runner/cell.hpp"
#include "runner/suite.hpp"

namespace apibench::runner {

// Runs spec closed loop for its duration (the probe), then sets spec.rate to
// open_loop.fraction_of_max of what the probe delivered. A probe that got no
// responses leaves spec closed loop and records a rate of zero.
OpenLoopRecord probe_and_offer(loadgen::LoadSpec& spec, const OpenLoopSpec& open_loop);

}  // namespace apibench::runner
