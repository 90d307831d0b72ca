// A sweep step that was re-run after a p99 miss, as run.json and the summary show it.
#include <gtest/gtest.h>

#include "runner/results.hpp"
#include "runner/summary_table.hpp"

namespace ar = apibench::runner;
namespace lg = apibench::loadgen;

namespace {

lg::LoadResult result_with_p99(std::uint64_t p99_ns) {
  lg::LoadResult r;
  r.requests = 1000;
  r.elapsed = std::chrono::seconds(1);
  r.status_classes[2] = r.requests;
  for (int i = 0; i < 100; ++i) r.latency.record(i < 98 ? 1000 : p99_ns);
  return r;
}

ar::CellResult sweep_cell() {
  lg::SweepSpec spec;
  spec.slo = std::chrono::milliseconds(10);
  ar::CellResult cell("rust-style", "json-sweep", 64);
  cell.ok = true;
  cell.sweep = lg::SweepResult{};
  cell.sweep->probe_requests_per_second = 2000;
  auto stalled = lg::judge_attempt(800, result_with_p99(46'000'000), spec);
  cell.sweep->steps.push_back(lg::make_step(800, stalled, lg::judge_attempt(800, result_with_p99(800'000), spec)));
  cell.sweep->steps.push_back(lg::judge_step(920, result_with_p99(900'000), spec));
  cell.sweep->max_rate = 920;
  return cell;
}

}  // namespace

TEST(SweepRecord, BothAttemptsOfARerunStepAreInRunJson) {
  const nlohmann::json steps = ar::to_json(sweep_cell())["sweep"]["steps"];
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[0]["verdict"], "met on re-run");
  EXPECT_TRUE(steps[0]["met"].get<bool>());
  ASSERT_EQ(steps[0]["attempts"].size(), 2u);
  EXPECT_EQ(steps[0]["attempts"][0]["verdict"], "p99 over the SLO");
  EXPECT_FALSE(steps[0]["attempts"][0]["met"].get<bool>());
  EXPECT_NEAR(steps[0]["attempts"][0]["latency"]["p99_us"].get<double>(), 46000, 46000 * 0.01);
  EXPECT_EQ(steps[0]["attempts"][1]["verdict"], "met");
  EXPECT_EQ(steps[1]["attempts"].size(), 1u);
  EXPECT_EQ(steps[1]["verdict"], "met");
}

TEST(SweepRecord, TheSummarySaysAStepWasRerun) {
  const std::string line = ar::format_cell_line(sweep_cell());
  EXPECT_NE(line.find("max 920 requests/s"), std::string::npos) << line;
  EXPECT_NE(line.find("1 step re-run after a p99 miss (1 met on re-run)"), std::string::npos) << line;
  EXPECT_NE(ar::format_summary_table({sweep_cell()}).find("re-run after a p99 miss"), std::string::npos);
}
