#pragma once
// report.html: one self-contained page (inline CSS and SVG, no external URL) with the
// report's tables and the charts drawn for it.
#include <string>

#include "report/figures.hpp"
#include "report/run_data.hpp"

namespace apibench::report {

std::string render_html(const RunData& run, const Figures& figures);

}  // namespace apibench::report
