#include "report/chart.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <set>

namespace apibench::report {
namespace {

std::string preamble(const std::string& title) {
  return fmt::format(
      "set terminal svg size 640,400 dynamic noenhanced font 'sans,14' background '#ffffff'\n"
      "set output '{}'\n"
      "set title {}\n"
      "set key below\n"
      "set border 3 lc rgb '#555555'\n"
      "set tics nomirror\n"
      "set grid ytics lc rgb '#dddddd'\n"
      "set yrange [0:*]\n",
      kChartSvgFile, gnuplot_quote(title));
}

// Group labels sit in the data file as double-quoted strings, which cannot hold a double quote.
std::string data_label(const std::string& text) {
  std::string out = text;
  std::replace(out.begin(), out.end(), '"', '\'');
  return "\"" + out + "\"";
}

std::string number(double v) { return fmt::format("{}", v); }

std::string bar_data(const BarChart& chart) {
  std::string data;
  for (std::size_t g = 0; g < chart.groups.size(); ++g) {
    data += data_label(chart.groups[g]);
    for (const auto& s : chart.series) {
      const auto& v = g < s.values.size() ? s.values[g] : std::nullopt;
      data += v ? fmt::format(" {} {} {}", number(v->median), number(v->min), number(v->max)) : " NaN NaN NaN";
    }
    data += "\n";
  }
  return data;
}

std::string bar_plot(const BarChart& chart) {
  std::string plot = "plot ";
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const std::size_t column = 2 + 3 * i;
    plot += i == 0 ? fmt::format("'{}' ", kChartDataFile) : ", '' ";
    plot += chart.show_spread ? fmt::format("using {}:{}:{}", column, column + 1, column + 2)
                              : fmt::format("using {}", column);
    if (i == 0) plot += ":xtic(1)";
    plot += fmt::format(" title {} lc rgb '{}'", gnuplot_quote(chart.series[i].name), chart.series[i].color);
  }
  return plot + "\n";
}

std::set<double> x_values(const LineChart& chart) {
  std::set<double> xs;
  for (const auto& s : chart.series) {
    for (const auto& p : s.points) xs.insert(p.x);
  }
  return xs;
}

std::string x_axis(const LineChart& chart) {
  const std::set<double> xs = x_values(chart);
  if (xs.empty()) return "";
  switch (chart.x_scale) {
    case XScale::seconds: {
      // Whole seconds, about ten tics, room for a window of a single second.
      const double last = *xs.rbegin();
      return fmt::format("set xrange [0:{}]\nset xtics 0,{}\n", last + 1, std::max(1.0, std::ceil(last / 10)));
    }
    case XScale::percentile_tail:
      return "set logscale x 10\nset xrange [1:*]\n"
             "set xtics ('50%%' 2, '90%%' 10, '99%%' 100, '99.9%%' 1000, '99.99%%' 10000, "
             "'99.999%%' 100000, '99.9999%%' 1000000)\n";
    case XScale::log2:
      break;
  }
  std::string tics;
  for (double x : xs) tics += fmt::format("{}{}", tics.empty() ? "" : ", ", number(x));
  // A margin on both sides keeps the first and last connection counts (and their tics) inside the frame.
  return fmt::format("set logscale x 2\nset xrange [{}:{}]\nset xtics ({})\n", *xs.begin() / 1.25, *xs.rbegin() * 1.25,
                     tics);
}

std::string line_data(const LineChart& chart) {
  std::string data;
  for (const auto& s : chart.series) {
    for (const auto& p : s.points) {
      data += p.spread ? fmt::format("{} {} {} {}\n", p.x, p.y, p.spread->min, p.spread->max)
                       : fmt::format("{} {}\n", p.x, p.y);
    }
    data += "\n\n";  // two blank lines end a gnuplot data block, addressed with `index`
  }
  return data;
}

std::string line_plot(const LineChart& chart) {
  // The spectrum has hundreds of points; elsewhere a point may stand alone (a one-second window).
  const char* style = chart.x_scale == XScale::percentile_tail ? "lines" : "linespoints pt 7 ps 0.6";
  std::string plot = "plot ";
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const LineSeries& s = chart.series[i];
    const bool with_spread = !s.points.empty() && s.points.front().spread;
    plot += fmt::format("{}'{}' index {} using {} with {} lw 2 lc rgb '{}' {}", i == 0 ? "" : ", ", kChartDataFile, i,
                        with_spread ? "1:2:3:4" : "1:2", with_spread ? "yerrorlines" : style, s.color,
                        s.in_key ? fmt::format("title {}", gnuplot_quote(s.name)) : std::string("notitle"));
  }
  return plot + "\n";
}

}  // namespace

std::string gnuplot_quote(const std::string& text) {
  std::string out = "'";
  for (char ch : text) {
    if (ch == '\'') out += "''";
    else if (ch == '\n' || ch == '\r') out += ' ';
    else out += ch;
  }
  return out + "'";
}

GnuplotJob bar_chart_job(const BarChart& chart) {
  std::string script = preamble(chart.title);
  script += "set style data histogram\n";
  script += chart.show_spread ? "set style histogram errorbars gap 2 lw 1\n" : "set style histogram clustered gap 2\n";
  script += "set style fill solid 0.85 border -1\nset boxwidth 0.9\n";
  script += fmt::format("set ylabel {}\n", gnuplot_quote(chart.ylabel));
  return {script + bar_plot(chart), bar_data(chart)};
}

GnuplotJob line_chart_job(const LineChart& chart) {
  std::string script = preamble(chart.title);
  script += "set grid xtics ytics lc rgb '#dddddd'\n";
  script += x_axis(chart);
  script += fmt::format("set xlabel {}\nset ylabel {}\n", gnuplot_quote(chart.xlabel), gnuplot_quote(chart.ylabel));
  return {script + line_plot(chart), line_data(chart)};
}

}  // namespace apibench::report
