// run.json as the runner writes it (its own to_json) reads back into the view.
#include <gtest/gtest.h>

#include "reproduce/run_view.hpp"
#include "reproduce/tests/made_up_run.hpp"
#include "runner/results.hpp"

namespace rp = apibench::reproduce;

TEST(RunView, ReadsTheRunnersOwnCellJson) {
  apibench::runner::CellResult cell("rust-style", "json", 64);
  cell.ok = true;
  apibench::runner::Repetition rep;
  rep.load.requests = 5000;
  rep.load.elapsed = std::chrono::seconds(2);
  rep.load.latency.record_n(100000, 99);
  rep.load.latency.record(900000);
  rep.load.status_classes[2] = 4990;
  rep.load.status_classes[4] = 10;
  rep.load.errors.timeout = 2;
  rep.load.timeline = {{2500, 0, 300000}, {2500, 0, 400000}};
  rep.server.cpu_us_per_request = 9.5;
  rep.server.rss_peak_bytes = 8u << 20;
  rep.server.allocations_per_request = 0.25;
  cell.repetitions = {rep, rep};
  const nlohmann::json run = rp::testing::run_json({apibench::runner::to_json(cell)});

  const rp::RunView view = rp::run_view_from_json(run);
  ASSERT_EQ(view.cells.size(), 1u);
  const rp::CellView& c = view.cells[0];
  EXPECT_TRUE(c.ok());
  ASSERT_EQ(c.repetitions.size(), 2u);
  EXPECT_DOUBLE_EQ(c.repetitions[0].requests_per_second, 2500);
  EXPECT_DOUBLE_EQ(c.repetitions[0].cpu_us_per_request, 9.5);
  EXPECT_DOUBLE_EQ(c.repetitions[0].rss_peak_mib, 8);
  ASSERT_TRUE(c.repetitions[0].allocations_per_request);
  EXPECT_DOUBLE_EQ(*c.repetitions[0].allocations_per_request, 0.25);
  EXPECT_EQ(c.repetitions[0].errors, 12u);
  EXPECT_EQ(c.total_requests(), 10000u);
  EXPECT_EQ(c.repetitions[0].second_p99_us, (std::vector<double>{300, 400}));
  EXPECT_NEAR(c.repetitions[0].p99_us, 100, 1);
  EXPECT_EQ(c.values(rp::Metric::cpu_us_per_request).size(), 2u);
  EXPECT_EQ(view.find("rust-style", "json", 64), &c);
  EXPECT_EQ(view.find("rust-style", "json", 16), nullptr);
  EXPECT_EQ(view.duration_ms, 2000);
}

TEST(RunView, WrongSchemaAndBrokenCellsAreErrors) {
  EXPECT_THROW(rp::run_view_from_json({{"schema", "apibench.run/0"}, {"cells", nlohmann::json::array()}}), std::runtime_error);
  EXPECT_THROW(rp::run_view_from_json(nlohmann::json::array()), std::runtime_error);
  nlohmann::json run = rp::testing::run_json({{{"server", "x"}}});
  EXPECT_THROW(rp::run_view_from_json(run), std::runtime_error);
}
