#pragma once
// The report's tables as plain text cells, built once from the run so report.md and
// report.html show exactly the same rows and numbers.
#include <string>
#include <vector>

#include "report/run_data.hpp"

namespace apibench::report {

struct Table {
  std::vector<std::string> header;
  std::vector<bool> numeric;  // per column: right-aligned
  std::vector<std::vector<std::string>> rows;
};

// Two columns: what and value (commit, compiler, CPU, pinning, command line...).
Table environment_table(const RunData& run);
// One row per measured cell of the workload: the headline numbers of each server; an
// open-loop workload adds the rate offered (against the probe) and the service-time p99.
Table workload_table(const RunData& run, const std::string& workload);
// One row per sweep cell of the workload: its probe, steps and the highest rate within
// the SLO, and the steps re-run after a p99 miss; no rows when the workload ran no sweep.
Table sweep_table(const RunData& run, const std::string& workload);
// Skipped and failed cells with their reasons; no rows when every cell ran.
Table problem_table(const RunData& run);
// Idle-connection cells: memory held per open connection; no rows when none.
Table idle_table(const RunData& run);

}  // namespace apibench::report
