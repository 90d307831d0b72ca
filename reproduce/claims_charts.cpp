#include "reproduce/claims_charts.hpp"

#include <fmt/format.h>
#include <map>

#include "report/gnuplot.hpp"
#include "report/svg_inline.hpp"

namespace apibench::reproduce {
namespace {

constexpr const char* kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7"};

std::string color(std::size_t i) { return kPalette[i % std::size(kPalette)]; }

bool worth_a_chart(const MetricRow& row) {
  int measured = 0;
  for (const auto& v : row.values) measured += v.measured() ? 1 : 0;
  return row.charted && row.curve.empty() && measured >= 2;
}

// Groups are letters (A, B...) the caption spells out: metric names are too long for an axis.
ClaimChart unit_bar_chart(const ClaimResult& c, const std::string& unit, const std::vector<const MetricRow*>& rows,
                          const std::vector<std::string>& servers) {
  report::BarChart chart{fmt::format("Claim {}: {}", c.number, unit.empty() ? "count" : unit), unit, {}, {}, true};
  std::string caption = fmt::format("Claim {} ({}), median with min-max over the repetitions:", c.number, c.title);
  for (std::size_t g = 0; g < rows.size(); ++g) {
    const std::string letter(1, static_cast<char>('A' + g));
    chart.groups.push_back(letter);
    caption += fmt::format(" {}: {}.", letter, rows[g]->metric);
  }
  for (std::size_t s = 0; s < servers.size(); ++s) {
    report::BarSeries series{servers[s], color(s), {}};
    bool any = false;
    for (const auto* row : rows) {
      const ServerValue* v = row->value_of(servers[s]);
      any |= v && v->measured();
      series.values.push_back(v && v->measured() ? std::optional<runner::Spread>(v->spread()) : std::nullopt);
    }
    // gnuplot refuses a histogram series without a single valid point.
    if (any) chart.series.push_back(std::move(series));
  }
  return {c.number, caption, chart};
}

ClaimChart curve_chart(const ClaimResult& c, const std::string& curve, const std::vector<const MetricRow*>& rows,
                       const std::vector<std::string>& servers) {
  report::LineChart chart{curve, "connections", rows.front()->unit, report::XScale::log2, {}};
  for (std::size_t s = 0; s < servers.size(); ++s) {
    report::LineSeries series{servers[s], color(s), {}, true};
    for (const auto* row : rows) {
      const ServerValue* v = row->value_of(servers[s]);
      if (v && v->measured()) series.points.push_back({row->x, v->spread().median, v->spread()});
    }
    if (!series.points.empty()) chart.series.push_back(std::move(series));
  }
  return {c.number, fmt::format("Claim {}: {} (median, min-max bars)", c.number, curve), chart};
}

void plan_claim(const ClaimResult& c, const std::vector<std::string>& servers, std::vector<ClaimChart>& out) {
  std::map<std::string, std::vector<const MetricRow*>> by_unit, by_curve;
  std::vector<std::string> unit_order, curve_order;
  for (const auto& row : c.rows) {
    if (!row.curve.empty()) {
      if (by_curve[row.curve].empty()) curve_order.push_back(row.curve);
      by_curve[row.curve].push_back(&row);
    } else if (worth_a_chart(row)) {
      if (by_unit[row.unit].empty()) unit_order.push_back(row.unit);
      by_unit[row.unit].push_back(&row);
    }
  }
  for (const auto& unit : unit_order) out.push_back(unit_bar_chart(c, unit, by_unit[unit], servers));
  for (const auto& curve : curve_order) {
    if (by_curve[curve].size() >= 2) out.push_back(curve_chart(c, curve, by_curve[curve], servers));
  }
}

ClaimChart decomposition_chart(const Decomposition& d, const DecompositionPair& p) {
  report::BarChart chart{fmt::format("{} / {} beside {} / {}", p.real_rust, p.real_go, d.design_rust, d.design_go), "ratio",
                         {}, {}, false};
  report::BarSeries real{fmt::format("{} / {}", p.real_rust, p.real_go), color(0), {}};
  report::BarSeries design{fmt::format("{} / {}", d.design_rust, d.design_go), color(1), {}};
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    chart.groups.push_back(std::to_string(i + 1));
    real.values.push_back(runner::Spread{p.rows[i].real_ratio, p.rows[i].real_ratio, p.rows[i].real_ratio});
    design.values.push_back(runner::Spread{p.rows[i].design_ratio, p.rows[i].design_ratio, p.rows[i].design_ratio});
  }
  chart.series = {real, design};
  return {0,
          fmt::format("Decomposition, {} / {}: the real ratio beside the design ratio for each metric, numbered as in "
                      "its table",
                      p.real_rust, p.real_go),
          chart};
}

report::GnuplotJob job_for(const std::variant<report::BarChart, report::LineChart>& chart) {
  if (const auto* bars = std::get_if<report::BarChart>(&chart)) return report::bar_chart_job(*bars);
  return report::line_chart_job(std::get<report::LineChart>(chart));
}

}  // namespace

std::vector<ClaimChart> plan_claim_charts(const ClaimsReport& report) {
  std::vector<ClaimChart> out;
  const auto servers = report.config.servers();
  for (const auto& c : report.claims) plan_claim(c, servers, out);
  for (const auto& pair : report.decomposition.pairs) out.push_back(decomposition_chart(report.decomposition, pair));
  return out;
}

std::vector<ClaimFigure> draw_claim_figures(const ClaimsReport& report, std::string& unavailable) {
  std::vector<ClaimFigure> figures;
  for (const auto& planned : plan_claim_charts(report)) {
    report::SvgDrawing drawing = report::run_gnuplot(job_for(planned.chart));
    if (drawing.gnuplot_missing) {
      unavailable = drawing.error;
      return {};
    }
    ClaimFigure f{planned.claim, planned.caption, {}, drawing.error};
    if (drawing.error.empty()) f.svg = report::inline_svg(drawing.svg, fmt::format("claimchart{}", figures.size() + 1), planned.caption);
    figures.push_back(std::move(f));
  }
  return figures;
}

}  // namespace apibench::reproduce
