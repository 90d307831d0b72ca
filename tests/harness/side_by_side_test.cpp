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
