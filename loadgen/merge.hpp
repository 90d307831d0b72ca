#pragma once
// Combines the per-thread recorders into one LoadResult once the threads have stopped.
#include <chrono>
#include <vector>

#include "loadgen/load.hpp"
#include "loadgen/recorder.hpp"

namespace apibench::loadgen {

LoadResult merge_recorders(const std::vector<const Recorder*>& recorders, std::chrono::nanoseconds elapsed);

}  // namespace apibench::loadgen
