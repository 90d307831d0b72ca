// run.json as the runner writes it (its own to_json) reads back through the one reader (report/run_data.hpp).
#include <gtest/gtest.h>

#include "report/run_data.hpp"
#include "reproduce/tests/made_up_run.hpp"
#include "runner/results.hpp"

namespace rp = apibench::reproduce;

TEST(RunReader, ReadsTheRunnersOwnCellJson) {
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

  const apibench::report::RunData view = apibench::report::run_from_json(run);
  ASSERT_EQ(view.cells.size(), 1u);
  const apibench::report::CellData& c = view.cells[0];
  EXPECT_TRUE(c.ok());
  ASSERT_EQ(c.repetitions.size(), 2u);
  EXPECT_DOUBLE_EQ(c.repetitions[0].requests_per_second, 2500);
  EXPECT_DOUBLE_EQ(c.repetitions[0].cpu_us_per_request, 9.5);
  EXPECT_DOUBLE_EQ(c.repetitions[0].rss_peak_mib, 8);
  ASSERT_TRUE(c.repetitions[0].allocations_per_request);
  EXPECT_DOUBLE_EQ(*c.repetitions[0].allocations_per_request, 0.25);
  EXPECT_EQ(c.repetitions[0].errors, 12u);
  EXPECT_EQ(c.total_requests(), 10000u);
  EXPECT_EQ(apibench::report::second_p99s(c.repetitions[0].timeline), (std::vector<double>{300, 400}));
  EXPECT_NEAR(c.repetitions[0].p99_us, 100, 1);
  EXPECT_EQ(c.values(apibench::report::Metric::cpu_us_per_request).size(), 2u);
  EXPECT_EQ(view.find("rust-style", "json", 64), &c);
  EXPECT_EQ(view.find("rust-style", "json", 16), nullptr);
  EXPECT_EQ(view.duration_ms, 2000);
}

TEST(RunReader, WrongSchemaAndBrokenCellsAreErrors) {
  EXPECT_THROW(apibench::report::run_from_json({{"schema", "apibench.run/0"}, {"cells", nlohmann::json::array()}}),
               std::runtime_error);
  EXPECT_THROW(apibench::report::run_from_json(nlohmann::json::array()), std::runtime_error);
  nlohmann::json run = rp::testing::run_json({{{"server", "x"}}});
  EXPECT_THROW(apibench::report::run_from_json(run), std::runtime_error);
}

TEST(RunReader, SweepStepsKeepTheirTimelines) {
  apibench::runner::CellResult cell("rust-style", "json-sweep", 64);
  cell.ok = true;
  apibench::loadgen::SweepResult sweep;
  sweep.probe_requests_per_second = 12000;
  for (double rate : {1000.0, 2000.0}) {
    apibench::loadgen::SweepStep step;
    step.rate = rate;
    step.met = rate < 2000;
    step.verdict = step.met ? "met" : "p99 over the SLO";
    step.result.requests = static_cast<std::uint64_t>(rate) * 2;
    step.result.elapsed = std::chrono::seconds(2);
    step.result.latency.record_n(200000, step.result.requests);
    step.result.timeline = {{static_cast<std::uint64_t>(rate), 0, 250000},
                            {static_cast<std::uint64_t>(rate), 3, 9000000}};
    sweep.steps.push_back(step);
  }
  sweep.max_rate = 1000;
  cell.sweep = sweep;
  const nlohmann::json run = rp::testing::run_json({apibench::runner::to_json(cell)});

  const apibench::report::RunData view = apibench::report::run_from_json(nlohmann::json::parse(run.dump()));
  const auto& read = view.cells.at(0).sweep;
  ASSERT_TRUE(read);
  EXPECT_DOUBLE_EQ(read->probe_requests_per_second, 12000);
  ASSERT_TRUE(read->max_rate);
  EXPECT_DOUBLE_EQ(*read->max_rate, 1000);
  ASSERT_EQ(read->steps.size(), 2u);
  EXPECT_TRUE(read->steps[0].met);
  EXPECT_EQ(read->steps[1].verdict, "p99 over the SLO");
  ASSERT_EQ(read->steps[1].timeline.size(), 2u);
  EXPECT_EQ(read->steps[1].timeline[0].requests, 2000u);
  EXPECT_EQ(read->steps[1].timeline[1].errors, 3u);
  EXPECT_EQ(apibench::report::second_p99s(read->steps[1].timeline), (std::vector<double>{250, 9000}));
  EXPECT_EQ(view.sweep_cells("json-sweep").size(), 1u);
}
