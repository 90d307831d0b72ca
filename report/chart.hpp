#pragma once
// The two kinds of chart the report draws, as data, and the gnuplot script and data
// file that draw each one as SVG.
#include <optional>
#include <string>
#include <vector>

#include "runner/spread.hpp"

namespace apibench::report {

// Clustered bars: one cluster per group (e.g. connection count), one bar per series
// (server), with min-max error bars when show_spread.
struct BarSeries {
  std::string name;
  std::string color;  // "#4e79a7"
  std::vector<std::optional<runner::Spread>> values;  // one per group; nullopt: no bar
};

struct BarChart {
  std::string title;
  std::string ylabel;
  std::vector<std::string> groups;
  std::vector<BarSeries> series;
  bool show_spread = true;
};

struct LinePoint {
  double x = 0;
  double y = 0;
  std::optional<runner::Spread> spread;  // drawn as an error bar from min to max
};

struct LineSeries {
  std::string name;
  std::string color;
  std::vector<LinePoint> points;
  bool in_key = true;  // false: a further line of a series already in the key
};

enum class XScale {
  seconds,          // whole seconds from 1
  percentile_tail,  // x = 1/(1-p), log-scaled, labelled 50%, 90%, 99%...
  log2,             // connection counts
};

struct LineChart {
  std::string title;
  std::string xlabel;
  std::string ylabel;
  XScale x_scale = XScale::seconds;
  std::vector<LineSeries> series;
};

// What gnuplot runs: the script reads "chart.dat" and writes "chart.svg" in its
// working directory.
struct GnuplotJob {
  std::string script;
  std::string data;
};

inline constexpr const char* kChartDataFile = "chart.dat";
inline constexpr const char* kChartSvgFile = "chart.svg";

GnuplotJob bar_chart_job(const BarChart& chart);
GnuplotJob line_chart_job(const LineChart& chart);

// A gnuplot single-quoted string: nothing in it is interpreted but the doubled quote.
std::string gnuplot_quote(const std::string& text);

}  // namespace apibench::report
