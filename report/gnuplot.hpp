#pragma once
// Draws a chart by running gnuplot on a script and a data file in a private
// temporary directory, and hands back the SVG it wrote.
#include <string>

#include "report/chart.hpp"

namespace apibench::report {

struct SvgDrawing {
  std::string svg;            // gnuplot's SVG document; empty on failure
  std::string error;          // one line: why there is no SVG
  bool gnuplot_missing = false;  // gnuplot is not installed: no chart can be drawn
};

SvgDrawing run_gnuplot(const GnuplotJob& job);

}  // namespace apibench::report
