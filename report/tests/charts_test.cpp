#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "report/cell_latency.hpp"
#include "report/chart_plan.hpp"
#include "report/figures.hpp"
#include "report/subprocess.hpp"
#include "report/svg_inline.hpp"
#include "report/tests/synthetic_run.hpp"

namespace ar = apibench::report;
namespace fs = std::filesystem;
using ar::testing::kSyntheticChartCount;
using ar::testing::write_synthetic_run;

namespace {

std::vector<std::string> captions(const ar::ChartPlan& plan, const std::string& section) {
  std::vector<std::string> out;
  for (const auto& c : plan.charts) {
    if (c.section == section) out.push_back(c.caption);
  }
  return out;
}

}  // namespace

TEST(ChartPlan, EachWorkloadGetsItsChartsAndScalingOnlyWithSeveralConnectionCounts) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  ar::ChartPlan plan = plan_charts(ar::load_run(dir.path()));
  EXPECT_TRUE(plan.notes.empty());
  EXPECT_EQ(plan.charts.size(), static_cast<std::size_t>(kSyntheticChartCount));
  auto json = captions(plan, "json");
  EXPECT_EQ(json.size(), 9u);
  EXPECT_NE(std::find(json.begin(), json.end(), "Requests per second by connections"), json.end());
  EXPECT_NE(std::find(json.begin(), json.end(), "Latency by percentile, 16 connections"), json.end());
  auto cache = captions(plan, "cache");
  EXPECT_EQ(cache.size(), 5u);
  EXPECT_EQ(std::find(cache.begin(), cache.end(), "Requests per second by connections"), cache.end());
  EXPECT_EQ(captions(plan, ar::kIdleSection).size(), 1u);
}

TEST(ChartPlan, SweepStepsTimelinesMakeOneLinePerServerThroughTheSweep) {
  ar::RunData run;
  for (const char* server : {"rust-style", "go-style"}) {
    ar::CellData cell;
    cell.server = server;
    cell.workload = "json-sweep";
    cell.connections = 64;
    cell.status = ar::CellStatus::ok;
    cell.sweep = ar::SweepData{};
    for (double p99 : {100.0, 900.0}) {
      ar::SweepStepData step;
      step.timeline = {{1000, 0, p99}, {1000, 0, p99 * 2}};
      cell.sweep->steps.push_back(step);
    }
    run.cells.push_back(cell);
  }
  run.cells.push_back(run.cells[0]);
  run.cells.back().server = "old-run";
  for (auto& step : run.cells.back().sweep->steps) step.timeline.clear();  // written before steps had timelines

  ar::ChartPlan plan = plan_charts(run);
  ASSERT_EQ(plan.charts.size(), 1u);
  EXPECT_EQ(plan.charts[0].section, "json-sweep");
  const auto& chart = std::get<ar::LineChart>(plan.charts[0].chart);
  ASSERT_EQ(chart.series.size(), 2u) << "a sweep without step timelines draws no line";
  EXPECT_EQ(chart.series[0].name, "rust-style c=64");
  ASSERT_EQ(chart.series[0].points.size(), 4u);
  EXPECT_DOUBLE_EQ(chart.series[0].points[3].x, 4);
  EXPECT_DOUBLE_EQ(chart.series[0].points[3].y, 1800);
}

TEST(ChartPlan, ThroughputBarsCarryMedianAndSpreadPerServer) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  ar::ChartPlan plan = plan_charts(ar::load_run(dir.path()));
  const auto& bars = std::get<ar::BarChart>(plan.charts.front().chart);
  EXPECT_EQ(bars.groups, (std::vector<std::string>{"16 connections", "64 connections"}));
  ASSERT_EQ(bars.series.size(), 3u);
  EXPECT_EQ(bars.series[0].name, "rust-style");
  EXPECT_DOUBLE_EQ(bars.series[0].values[0]->median, 100000);
  EXPECT_DOUBLE_EQ(bars.series[0].values[0]->min, 99000);
  EXPECT_DOUBLE_EQ(bars.series[0].values[0]->max, 101000);
}

TEST(ChartPlan, AnUnreadableHistogramIsANoteNotAFailure) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  fs::remove(dir.path() / "histograms/go-style-json-c16-r2.json");
  ar::ChartPlan plan = plan_charts(ar::load_run(dir.path()));
  ASSERT_EQ(plan.notes.size(), 1u);
  EXPECT_NE(plan.notes[0].find("go-style json c=16"), std::string::npos) << plan.notes[0];
  EXPECT_EQ(plan.charts.size(), static_cast<std::size_t>(kSyntheticChartCount));
}

TEST(Spectrum, MergedRepetitionsGiveTheRecordedPercentiles) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  ar::RunData run = ar::load_run(dir.path());
  std::string error;
  auto merged = ar::merged_latency(run, run.cells[0], error);
  ASSERT_TRUE(merged) << error;
  EXPECT_EQ(merged->count(), 3000u) << "three repetitions of 1000 recordings";
  auto points = ar::percentile_spectrum(*merged);
  ASSERT_GT(points.size(), 40u);
  EXPECT_DOUBLE_EQ(points.front().inverse_tail, 1);
  EXPECT_NEAR(points.front().latency_us, 50, 0.1);
  EXPECT_DOUBLE_EQ(points.back().inverse_tail, 3000);
  EXPECT_DOUBLE_EQ(points.back().latency_us, 5000);
  for (std::size_t i = 1; i < points.size(); ++i) {
    EXPECT_GT(points[i].inverse_tail, points[i - 1].inverse_tail);
    EXPECT_GE(points[i].latency_us, points[i - 1].latency_us);
  }
  auto at_99_9 = std::find_if(points.begin(), points.end(), [](const auto& p) { return p.inverse_tail >= 1000; });
  EXPECT_NEAR(at_99_9->latency_us, 500, 1);
}

TEST(InlineSvg, DropsPrologAndNamespacesAndMakesIdsUnique) {
  const std::string doc =
      "<?xml version=\"1.0\"?>\n<svg \n viewBox=\"0 0 10 10\"\n xmlns=\"http://www.w3.org/2000/svg\"\n"
      " xmlns:xlink=\"http://www.w3.org/1999/xlink\"\n>\n<title>Gnuplot</title><defs><path id='gpPt1' d=''/>"
      "<use xlink:href='#gpPt1' id='gpPt10'/><clipPath id=\"clip\"/></defs><g clip-path=\"url(#clip)\">"
      "<use xlink:href='#gpPt10'/></g></svg>";
  std::string svg = ar::inline_svg(doc, "chart3", "a <b> & c");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u) << svg;
  EXPECT_EQ(svg.find("http"), std::string::npos) << svg;
  EXPECT_NE(svg.find("<title>a &lt;b&gt; &amp; c</title>"), std::string::npos) << svg;
  EXPECT_NE(svg.find("id='chart3-gpPt1'"), std::string::npos) << svg;
  EXPECT_NE(svg.find("xlink:href='#chart3-gpPt1'"), std::string::npos) << svg;
  EXPECT_NE(svg.find("xlink:href='#chart3-gpPt10'"), std::string::npos) << svg;
  EXPECT_NE(svg.find("url(#chart3-clip)"), std::string::npos) << svg;
}

TEST(Figures, GnuplotDrawsEveryPlannedChartAsSvg) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  ar::Figures figures = ar::draw_figures(ar::load_run(dir.path()));
  ASSERT_TRUE(figures.unavailable.empty()) << figures.unavailable << " (run scripts/setup.sh)";
  ASSERT_EQ(figures.list.size(), static_cast<std::size_t>(kSyntheticChartCount));
  std::set<std::string> first_ids;
  for (const auto& f : figures.list) {
    EXPECT_TRUE(f.error.empty()) << f.caption << ": " << f.error;
    EXPECT_EQ(f.svg.rfind("<svg", 0), 0u) << f.caption;
    EXPECT_NE(f.svg.find("</svg>"), std::string::npos) << f.caption;
    auto at = f.svg.find(" id='");
    if (at != std::string::npos) first_ids.insert(f.svg.substr(at, f.svg.find('\'', at + 5) - at));
  }
  EXPECT_EQ(first_ids.size(), figures.list.size()) << "ids must differ between charts";
}
