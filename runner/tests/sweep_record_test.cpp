// A sweep step that was re-run after a p99 miss, as run.json and the summary show it.
#include <gtest/gtest.h>

#include "runner/results.hpp"
#include "runner/summary_table.hpp"
#include "runner/tests/sweep_cells.hpp"

namespace ar = apibench::runner;

namespace {

ar::CellResult sweep_cell() {
  return ar::testing::sweep_cell(2000, {ar::testing::rerun_step(800, 46'000'000, 800'000),
                                        ar::testing::one_attempt_step(920, 900'000)});
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
