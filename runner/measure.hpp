#pragma once
// One measured window against a running server: the load (and its background
// load, at the same time), with the server's CPU, memory, threads, context
// switches and allocations read from /proc around it.
#include <sys/types.h>

#include <optional>

#include "loadgen/load.hpp"
#include "runner/cell.hpp"

namespace apibench::runner {

// Runs spec, and background beside it when given; both end together. CPU time
// and allocations per request count every request the server answered in the
// window, the background's too. Throws when the server is gone afterwards.
Repetition measure_repetition(pid_t server, const loadgen::LoadSpec& spec,
                              const std::optional<loadgen::LoadSpec>& background);

// spec and background at once, for the warm-up; the results are dropped.
void run_unmeasured(const loadgen::LoadSpec& spec, const std::optional<loadgen::LoadSpec>& background);

}  // namespace apibench::runner
