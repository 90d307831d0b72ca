#pragma once
// summary.csv: one row per cell with the medians and min/max of each metric, for
// spreadsheets and scripts.
#include <string>

#include "report/run_data.hpp"

namespace apibench::report {

std::string render_csv(const RunData& run);

// RFC 4180 quoting: fields with commas, quotes or line breaks are quoted.
std::string csv_field(const std::string& text);

}  // namespace apibench::report
