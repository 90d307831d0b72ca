#pragma once
// report.md: the run's tables for terminals and pull requests.
#include <string>

#include "report/run_data.hpp"

namespace apibench::report {

std::string render_markdown(const RunData& run);
// One table as markdown (also used by the micro-benchmark report).
struct Table;
std::string render_markdown_table(const Table& t);

}  // namespace apibench::report
