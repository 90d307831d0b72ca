#pragma once
// The charts of claims.html, drawn with report/'s gnuplot helpers: per claim, one bar
// chart per unit (servers side by side, min-max error bars), connection scaling as
// lines, and the decomposition's real and design ratios.
#include <string>
#include <variant>
#include <vector>

#include "report/chart.hpp"
#include "reproduce/claims_report.hpp"

namespace apibench::reproduce {

struct ClaimChart {
  int claim = 0;  // 0: the decomposition
  std::string caption;
  std::variant<report::BarChart, report::LineChart> chart;
};

// Which charts, as data (testable without gnuplot).
std::vector<ClaimChart> plan_claim_charts(const ClaimsReport& report);

struct ClaimFigure {
  int claim = 0;
  std::string caption;
  std::string svg;    // inline <svg>, empty when not drawn
  std::string error;  // why not
};

// Draws every planned chart; when gnuplot is missing, no figure and one note in `unavailable`.
std::vector<ClaimFigure> draw_claim_figures(const ClaimsReport& report, std::string& unavailable);

}  // namespace apibench::reproduce
