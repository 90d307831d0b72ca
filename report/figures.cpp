#include "report/figures.hpp"

#include <fmt/format.h>

#include "report/chart_plan.hpp"
#include "report/gnuplot.hpp"
#include "report/svg_inline.hpp"

namespace apibench::report {
namespace {

GnuplotJob job_for(const std::variant<BarChart, LineChart>& chart) {
  if (const auto* bars = std::get_if<BarChart>(&chart)) return bar_chart_job(*bars);
  return line_chart_job(std::get<LineChart>(chart));
}

}  // namespace

Figures draw_figures(const RunData& run) {
  ChartPlan plan = plan_charts(run);
  Figures figures;
  figures.notes = std::move(plan.notes);
  for (const auto& planned : plan.charts) {
    SvgDrawing drawing = run_gnuplot(job_for(planned.chart));
    if (drawing.gnuplot_missing) {
      figures.unavailable = drawing.error;
      figures.list.clear();
      figures.notes.push_back(drawing.error);
      break;
    }
    Figure figure{planned.section, planned.caption, {}, drawing.error};
    if (drawing.error.empty()) {
      figure.svg = inline_svg(drawing.svg, fmt::format("chart{}", figures.list.size() + 1), planned.caption);
    } else {
      figures.notes.push_back("chart '" + planned.caption + "' not drawn: " + drawing.error);
    }
    figures.list.push_back(std::move(figure));
  }
  return figures;
}

}  // namespace apibench::report
