#pragma once
// The table `apibench run` prints at the end: one row per cell.
#include <string>
#include <vector>

#include "runner/cell.hpp"

namespace apibench::runner {

std::string format_summary_table(const std::vector<CellResult>& cells);

// One line for a finished cell, printed as the run goes.
std::string format_cell_line(const CellResult& cell);

}  // namespace apibench::runner
