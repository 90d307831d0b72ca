#pragma once
// The design targets as a ratio table, from one run of the design suite (every
// server side by side): rust-style against nginx and hyper, go-style against net/http,
// allocations per request, memory per idle connection, and the blocking test.
// `apibench ratios RUN_DIR` prints it; scripts/bench-design.sh runs the suite first.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "report/run_data.hpp"

namespace apibench::reproduce {

struct RatioLine {
  std::string what;         // "CPU us/request, GET /json: rust-style / nginx"
  std::string a, b;         // servers (b empty for a plain value)
  std::optional<double> va, vb;  // medians
  std::optional<double> ratio;   // va / vb
  std::string target;       // the target: "<= 1.00", "0"
  std::optional<bool> met;  // nullopt when not measured
  std::string note;         // why not measured
};

std::vector<RatioLine> design_ratios(const report::RunData& run);
std::string format_design_ratios(const std::vector<RatioLine>& lines);  // a markdown table
// Reads RUN_DIR/run.json and prints the table; 0, or 2 for a folder that is not a run.
int ratios_command(const std::filesystem::path& run_dir);

}  // namespace apibench::reproduce
