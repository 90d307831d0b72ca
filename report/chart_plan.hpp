#pragma once
// Which charts a run gets, as data: per workload throughput, latency spectrum, p99 over
// time (of each repetition, and through a sweep's steps), CPU per request, memory and
// connection scaling; memory per idle connection.
// Planning needs no gnuplot, so it is tested on its own.
#include <string>
#include <variant>
#include <vector>

#include "report/chart.hpp"
#include "report/run_data.hpp"

namespace apibench::report {

inline constexpr const char* kIdleSection = "idle connections";

struct PlannedChart {
  std::string section;  // a workload name, or kIdleSection
  std::string caption;
  std::variant<BarChart, LineChart> chart;
};

struct ChartPlan {
  std::vector<PlannedChart> charts;
  std::vector<std::string> notes;  // e.g. a cell whose histogram files could not be read
};

ChartPlan plan_charts(const RunData& run);

}  // namespace apibench::report
