#pragma once
// The reports of a run: report.md, summary.csv and report.html, rebuilt from
// <run_dir>/run.json and the histogram files beside it.
#include <filesystem>
#include <string>
#include <vector>

namespace apibench::report {

struct ReportOutcome {
  std::vector<std::filesystem::path> written;  // report.md, summary.csv, report.html
  std::vector<std::string> notes;              // missing pieces, e.g. "charts need gnuplot" or an unreadable histogram
};

// Writes each file atomically (temporary file, then rename). Throws std::runtime_error
// with a one-line message when run.json is unreadable or not apibench.run/1, or a
// report cannot be written. Missing gnuplot or histogram files are notes, not errors:
// the tables are written regardless.
ReportOutcome write_reports(const std::filesystem::path& run_dir);

}  // namespace apibench::report
