#pragma once
// `apibench report DIR` for a micro-benchmark folder (scripts/bench-micro.sh):
// report.md and report.html beside micro/*.json.
#include <filesystem>

#include "report/report.hpp"

namespace apibench::report {

// Throws std::runtime_error with a one-line message when a micro/*.json is
// unreadable or a report cannot be written.
ReportOutcome write_micro_reports(const std::filesystem::path& dir);

}  // namespace apibench::report
