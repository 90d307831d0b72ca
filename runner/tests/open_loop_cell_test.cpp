// An open-loop load cell against the loadgen test server in this process: the probe
// runs closed loop, then every repetition offers the workload's fraction of it.
#include <gtest/gtest.h>
#include <unistd.h>

#include "loadgen/tests/test_server.hpp"
#include "runner/load_cell.hpp"
#include "runner/results.hpp"
#include "runner/summary_table.hpp"

namespace ar = apibench::runner;
using namespace std::chrono_literals;

namespace {

ar::CellContext short_cells() {
  ar::CellContext ctx;
  ctx.duration = 300ms;
  ctx.warmup = 100ms;
  ctx.repetitions = 2;
  return ctx;
}

ar::OpenLoopSpec offering(double fraction_of_max) {
  ar::OpenLoopSpec spec;
  spec.fraction_of_max = fraction_of_max;
  return spec;
}

ar::Workload root_workload(std::optional<ar::OpenLoopSpec> open_loop) {
  ar::Workload w;
  w.name = "root";
  w.route = "root";
  w.requests = {ar::WorkloadRequest{"GET", "/", {}, "", "", 1}};
  w.connections = {4};
  w.open_loop = open_loop;
  return w;
}

// The test server lives in this process: its /proc figures are ours, and it never dies.
ar::CellResult run_against(const apibench::loadgen::testing::TestServer& server, const ar::Workload& w) {
  ar::CellResult cell("test-server", w.name, 4);
  ar::run_load_repetitions(short_cells(), {::getpid(), server.port(), [] { return std::string(); }}, w, 4, cell);
  return cell;
}

}  // namespace

TEST(OpenLoopCell, RepetitionsOfferTheFractionOfTheProbe) {
  apibench::loadgen::testing::TestServer server;
  const ar::CellResult cell = run_against(server, root_workload(offering(0.25)));
  ASSERT_TRUE(cell.ok) << cell.error;
  ASSERT_TRUE(cell.open_loop);
  const ar::OpenLoopRecord& o = *cell.open_loop;
  EXPECT_GT(o.probe_requests_per_second, 0);
  EXPECT_DOUBLE_EQ(o.fraction_of_max, 0.25);
  EXPECT_DOUBLE_EQ(o.offered_rate, 0.25 * o.probe_requests_per_second);
  ASSERT_EQ(cell.repetitions.size(), 2u);
  for (const auto& rep : cell.repetitions) {
    EXPECT_TRUE(rep.load.open_loop);
    EXPECT_GT(rep.load.requests, 0u);
  }

  const nlohmann::json j = ar::to_json(cell);
  EXPECT_DOUBLE_EQ(j["open_loop"]["offered_rate"].get<double>(), o.offered_rate);
  EXPECT_DOUBLE_EQ(j["open_loop"]["probe_requests_per_second"].get<double>(), o.probe_requests_per_second);
  EXPECT_TRUE(j["repetitions"][0].contains("service_time"));
  EXPECT_NE(ar::format_cell_line(cell).find("open loop at"), std::string::npos) << ar::format_cell_line(cell);
}

TEST(OpenLoopCell, AWorkloadWithoutItStaysClosedLoop) {
  apibench::loadgen::testing::TestServer server;
  const ar::CellResult cell = run_against(server, root_workload(std::nullopt));
  ASSERT_TRUE(cell.ok) << cell.error;
  EXPECT_FALSE(cell.open_loop);
  for (const auto& rep : cell.repetitions) EXPECT_FALSE(rep.load.open_loop);
  const nlohmann::json j = ar::to_json(cell);
  EXPECT_FALSE(j.contains("open_loop"));
  EXPECT_FALSE(j["repetitions"][0].contains("service_time"));
}

TEST(OpenLoopCell, AProbeWithNoAnswersFailsTheCellWithAReason) {
  apibench::loadgen::testing::TestServer server;
  server.set_paused(true);  // requests are read, never answered
  const ar::CellResult cell = run_against(server, root_workload(offering(0.5)));
  server.set_paused(false);
  EXPECT_FALSE(cell.ok);
  EXPECT_NE(cell.error.find("probe got no responses"), std::string::npos) << cell.error;
  EXPECT_TRUE(cell.repetitions.empty());
}
