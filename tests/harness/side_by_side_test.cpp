// `apibench run` measures the servers of a workload side by side: all of them
// up at once, their repetitions taken in rounds whose order rotates, so drift
// of the machine falls on every server alike.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "harness_fixture.hpp"

namespace harness {
namespace {

using nlohmann::json;

struct Turn {
  std::string started;  // "2026-11-24T01:18:05.123Z": sorts as text
  std::string server;
  unsigned round = 0;
};

// Every repetition of every cell of the run, in the order they were measured.
std::vector<Turn> turns_in_time(const json& run) {
  std::vector<Turn> turns;
  for (const auto& c : run.at("cells")) {
    for (const auto& r : c.at("repetitions")) {
      turns.push_back({r.at("started").get<std::string>(), c.at("server").get<std::string>(), r.at("round").get<unsigned>()});
    }
  }
  std::sort(turns.begin(), turns.end(), [](const Turn& a, const Turn& b) { return a.started < b.started; });
  return turns;
}

TEST_F(HarnessTest, RepetitionsAlternateBetweenServersInRotatingOrder) {
  add_server("a", {});
  add_server("b", {});
  add_server("c", {});
  write_suite({"a", "b", "c"}, {2}, {{"repetitions", 3}, {"duration_ms", 200}});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  ASSERT_EQ(e.code, 0) << e.out << e.err;
  const std::vector<Turn> turns = turns_in_time(run_json());
  ASSERT_EQ(turns.size(), 9u);
  std::vector<std::string> order;
  for (std::size_t i = 0; i < turns.size(); ++i) {
    EXPECT_EQ(turns[i].round, i / 3 + 1) << "turn " << i << " of " << turns[i].server;
    order.push_back(turns[i].server);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c", "b", "c", "a", "c", "a", "b"}));
}

TEST_F(HarnessTest, AServerThatDiesMidGroupFailsAloneAndTheOthersTakeEveryRound) {
  add_server("a-dies", {"--die-after-ms", "100"});
  add_server("b-steady", {});
  write_suite({"a-dies", "b-steady"}, {2}, {{"repetitions", 3}});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  EXPECT_EQ(e.code, 1) << e.out << e.err;
  const json run = run_json();
  std::map<std::string, json> cells;
  for (const auto& c : run.at("cells")) cells[c.at("server").get<std::string>()] = c;
  ASSERT_EQ(cells.size(), 2u);
  EXPECT_EQ(cells["a-dies"].at("status"), "failed");
  EXPECT_NE(cells["a-dies"].at("error").get<std::string>().find("died"), std::string::npos) << cells["a-dies"].dump();
  EXPECT_EQ(cells["b-steady"].at("status"), "ok");
  EXPECT_EQ(cells["b-steady"].at("repetitions").size(), 3u);
}

}  // namespace
}  // namespace harness

namespace harness {
namespace {

// Rounds are added only within the budget: a budget the planned cells already
// fill leaves none, whatever the pairs' evidence; every cell says how many it took.
TEST_F(HarnessTest, NoRoundIsAddedPastTheTimeBudget) {
  add_server("a", {});
  add_server("b", {});
  write_suite({"a", "b"}, {2}, {{"repetitions", 3}, {"duration_ms", 200}, {"max_repetitions", 6}, {"time_budget_ms", 1}});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  ASSERT_EQ(e.code, 0) << e.out << e.err;
  const json run = run_json();
  EXPECT_EQ(run.at("max_repetitions"), 6);
  EXPECT_EQ(run.at("time_budget_ms"), 1);
  bool warned = false;
  for (const auto& w : run.at("warnings")) warned |= w.get<std::string>().find("more than the time budget") != std::string::npos;
  EXPECT_TRUE(warned) << run.at("warnings").dump();
  for (const auto& c : run.at("cells")) {
    EXPECT_EQ(c.at("added_rounds"), 0) << c.dump();
    EXPECT_EQ(c.at("repetitions").size(), 3u);
  }
}

TEST_F(HarnessTest, AddedRoundsStayWithinMaxRepetitionsAndLeaveTheirReason) {
  add_server("a", {});
  add_server("b", {});
  write_suite({"a", "b"}, {2}, {{"repetitions", 2}, {"duration_ms", 200}});
  Exit e = run_apibench({"--max-repetitions", "3"});
  ASSERT_TRUE(e.exited) << e.err;
  ASSERT_EQ(e.code, 0) << e.out << e.err;
  const json run = run_json();
  for (const auto& c : run.at("cells")) {
    const unsigned added = c.at("added_rounds").get<unsigned>();
    EXPECT_LE(added, 1u);
    EXPECT_EQ(c.at("repetitions").size(), 2u + added) << c.dump();
    // Two repetitions against two can never give p < 0.05: a pair past its
    // minimal effect stays undecided, and says so; none past it leaves nothing.
    for (const auto& u : c.at("undecided")) EXPECT_NE(u.get<std::string>().find(" vs "), std::string::npos);
  }
}

}  // namespace
}  // namespace harness

namespace harness {
namespace {

// An open-loop workload offers a fraction of a sweep's maximum from earlier in the run.
TEST_F(HarnessTest, AnOpenLoopRateComesFromTheLowestMaximumOfAnEarlierSweep) {
  add_server("a", {});
  add_server("b", {});
  const json request = {{{"path", "/json"}}};
  const json workloads = {
      {{"name", "s"}, {"route", "json"}, {"requests", request}, {"connections", {2}},
       {"sweep", {{"slo_ms", 1000}, {"step_ms", 200}, {"max_steps", 2}}}},
      {{"name", "o"}, {"route", "json"}, {"requests", request}, {"connections", {2}},
       {"open_loop", {{"fraction_of_max", 0.5}, {"max_from", "s"}, {"of", "lowest"}}}}};
  write_suite({"a", "b"}, {2}, {{"workloads", workloads}, {"duration_ms", 200}});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  ASSERT_EQ(e.code, 0) << e.out << e.err;
  const json run = run_json();
  std::map<std::string, double> maxima;
  for (const auto& c : run.at("cells")) {
    if (c.at("workload") == "s") maxima[c.at("server").get<std::string>()] = c.at("sweep").at("max_rate").get<double>();
  }
  ASSERT_EQ(maxima.size(), 2u);
  const auto lowest = std::min_element(maxima.begin(), maxima.end(),
                                       [](const auto& x, const auto& y) { return x.second < y.second; });
  for (const auto& c : run.at("cells")) {
    if (c.at("workload") != "o") continue;
    const json& o = c.at("open_loop");
    EXPECT_EQ(o.at("max_from"), "s");
    EXPECT_EQ(o.at("max_server"), lowest->first);
    EXPECT_DOUBLE_EQ(o.at("offered_rate").get<double>(), 0.5 * lowest->second);
    EXPECT_EQ(o.at("probe_requests_per_second"), 0) << "no probe runs";
    EXPECT_EQ(c.at("repetitions").size(), 2u);
  }
}

}  // namespace
}  // namespace harness
