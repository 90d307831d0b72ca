#pragma once
// report.md: the run's tables for terminals and pull requests.
#include <string>

#include "report/run_data.hpp"

namespace apibench::report {

std::string render_markdown(const RunData& run);

}  // namespace apibench::report
