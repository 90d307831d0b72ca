#pragma once
// report.html: one self-contained page (inline CSS and SVG, no external URL) with the
// report's tables and the charts drawn for it.
#include <string>

#include "report/figures.hpp"
#include "report/run_data.hpp"

namespace apibench::report {

std::string render_html(const RunData& run, const Figures& figures);
// One table as HTML, scrolling when wide (also used by the micro-benchmark report).
struct Table;
std::string render_html_table(const Table& t, const std::string& css_class = "");

}  // namespace apibench::report
