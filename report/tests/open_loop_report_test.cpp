// The report's view of the two cell kinds that record more than one load: an open-loop
// cell (its probe and offered rate) and a sweep step re-run after a p99 miss. Cells are
// written by the runner's own to_json and read back by run_data, as a real run would be.
#include <gtest/gtest.h>

#include <algorithm>

#include "report/markdown.hpp"
#include "report/run_data.hpp"
#include "report/tables.hpp"
#include "runner/results.hpp"
#include "runner/tests/sweep_cells.hpp"

namespace ar = apibench::report;
namespace rn = apibench::runner;

namespace {

ar::RunData run_of(const std::vector<rn::CellResult>& cells) {
  nlohmann::json j = {{"schema", rn::kRunSchema}, {"cells", nlohmann::json::array()}};
  for (const auto& c : cells) j["cells"].push_back(rn::to_json(c));
  return ar::run_from_json(j);
}

rn::CellResult open_loop_cell(const std::string& server) {
  rn::CellResult cell(server, "json-half-max", 64);
  cell.ok = true;
  cell.open_loop.emplace();
  cell.open_loop->fraction_of_max = 0.5;
  cell.open_loop->probe_requests_per_second = 80000;
  cell.open_loop->probe_p99_us = 900;
  cell.open_loop->offered_rate = 40000;
  for (int i = 0; i < 3; ++i) {
    rn::Repetition rep;
    rep.load = rn::testing::result_with_p99(800'000);
    cell.repetitions.push_back(std::move(rep));
  }
  return cell;
}

// The first step met on its re-run; the second missed twice, which ends the sweep.
rn::CellResult sweep_cell() {
  return rn::testing::sweep_cell(83000, {rn::testing::rerun_step(800, 46'000'000, 800'000),
                                         rn::testing::rerun_step(920, 20'000'000, 20'000'000)});
}

}  // namespace

TEST(OpenLoopReport, RunDataReadsTheProbeTheOfferAndTheServiceTime) {
  const ar::RunData run = run_of({open_loop_cell("rust-style")});
  const ar::CellData& c = run.cells.front();
  ASSERT_TRUE(c.open_loop);
  EXPECT_DOUBLE_EQ(c.open_loop->offered_rate, 40000);
  EXPECT_DOUBLE_EQ(c.open_loop->probe_requests_per_second, 80000);
  EXPECT_DOUBLE_EQ(c.open_loop->fraction_of_max, 0.5);
  ASSERT_TRUE(c.repetitions[0].service_time_p99_us);
  EXPECT_NEAR(*c.repetitions[0].service_time_p99_us, 400, 400 * 0.01);
  EXPECT_NEAR(c.repetitions[0].p99_us, 800, 800 * 0.01);
}

TEST(OpenLoopReport, TheWorkloadTableShowsTheOfferedRateAndServiceTimeP99) {
  const ar::Table t = ar::workload_table(run_of({open_loop_cell("rust-style"), open_loop_cell("go-style")}),
                                         "json-half-max");
  ASSERT_EQ(t.rows.size(), 2u);
  ASSERT_EQ(t.header.size(), t.rows[0].size());
  const auto column = [&](const std::string& name) {
    return static_cast<std::size_t>(std::find(t.header.begin(), t.header.end(), name) - t.header.begin());
  };
  ASSERT_LT(column("offered req/s (of probe)"), t.header.size());
  const std::string offered = t.rows[0][column("offered req/s (of probe)")];
  EXPECT_NE(offered.find("(50% of "), std::string::npos) << offered;
  EXPECT_EQ(t.header[t.header.size() - 2], "errors") << "the open-loop columns go before errors and noisy";
  EXPECT_NE(t.rows[0][column("service-time p99 us")], "-");
}

TEST(OpenLoopReport, AClosedLoopWorkloadTableHasNoOpenLoopColumns) {
  rn::CellResult closed = open_loop_cell("rust-style");
  closed.workload = "json";
  closed.open_loop.reset();
  const ar::Table t = ar::workload_table(run_of({closed}), "json");
  EXPECT_EQ(std::find(t.header.begin(), t.header.end(), "offered req/s (of probe)"), t.header.end());
}

TEST(SweepRerunReport, TheSweepTableCountsStepsRerunAndTheMaxIsTheLastStepMet) {
  const ar::RunData run = run_of({sweep_cell()});
  const ar::SweepData& s = *run.cells.front().sweep;
  ASSERT_EQ(s.steps.size(), 2u);
  EXPECT_EQ(s.steps[0].attempts, 2u);
  EXPECT_EQ(s.steps[0].verdict, "met on re-run");
  EXPECT_NEAR(s.steps[0].first_attempt_p99_us, 46000, 46000 * 0.01);
  EXPECT_EQ(s.steps[1].attempts, 2u) << "a p99 miss is re-run before the sweep stops";
  EXPECT_FALSE(s.steps[1].met);

  const ar::Table t = ar::sweep_table(run, "json-sweep");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0][5], "2 (1 met on re-run)");
  const std::string md = ar::render_markdown(run);
  EXPECT_NE(md.find("steps re-run after a p99 miss"), std::string::npos) << md;
}
