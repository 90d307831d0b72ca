#pragma once
// A micro-benchmark run's report.md and report.html: the context, then one
// table per topic (bm_<topic> program) with each benchmark's median and cv.
#include <string>

#include "report/micro_data.hpp"

namespace apibench::report {

std::string render_micro_markdown(const MicroRun& run);
std::string render_micro_html(const MicroRun& run);

}  // namespace apibench::report
