#pragma once
// The planned charts drawn with gnuplot as inline SVG, ready for report.html.
#include <string>
#include <vector>

#include "report/run_data.hpp"

namespace apibench::report {

struct Figure {
  std::string section;  // a workload name, or kIdleSection
  std::string caption;
  std::string svg;    // an inline <svg> element; empty when drawing failed
  std::string error;  // why it could not be drawn
};

struct Figures {
  std::vector<Figure> list;
  std::string unavailable;         // set when no chart could be drawn at all (gnuplot missing)
  std::vector<std::string> notes;  // what the reader should know about missing pieces
};

Figures draw_figures(const RunData& run);

}  // namespace apibench::report
