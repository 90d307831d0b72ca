#include "runner/compare.hpp"

#include <gtest/gtest.h>

namespace ar = apibench::runner;
using json = nlohmann::json;

TEST(MannWhitney, ExactSmallSamplesMatchTables) {
  auto r = ar::mann_whitney_u({1, 2, 3}, {4, 5, 6});
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.u, 0);
  EXPECT_NEAR(r.p_value, 0.1, 1e-12);
  EXPECT_NEAR(ar::mann_whitney_u({1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}).p_value, 2.0 / 252, 1e-12);
  EXPECT_NEAR(ar::mann_whitney_u({6, 7, 8, 9, 10}, {1, 2, 3, 4, 5}).p_value, 2.0 / 252, 1e-12);
  EXPECT_NEAR(ar::mann_whitney_u({1, 3, 5}, {2, 4, 6}).p_value, 0.7, 1e-12);
  EXPECT_NEAR(ar::smallest_possible_p(3, 3), 0.1, 1e-12);
}

TEST(MannWhitney, TiesUseTheCorrectedNormalApproximation) {
  auto r = ar::mann_whitney_u({1, 1, 2, 2}, {3, 3, 4, 4});
  EXPECT_FALSE(r.exact);
  EXPECT_NEAR(r.p_value, 0.0265, 1e-3);  // scipy.stats.mannwhitneyu(method="asymptotic")
  EXPECT_EQ(ar::mann_whitney_u({5, 5, 5}, {5, 5, 5}).p_value, 1);
}

TEST(CompareMetric, Verdicts) {
  using V = ar::Verdict;
  EXPECT_EQ(ar::compare_metric("rps", true, {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124}).verdict, V::better);
  EXPECT_EQ(ar::compare_metric("p99", false, {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124}).verdict, V::worse);
  EXPECT_EQ(ar::compare_metric("rps", true, {100, 101, 102}, {120, 121, 122}).verdict, V::likely_better);
  EXPECT_EQ(ar::compare_metric("p99", false, {100, 101, 102}, {90, 91, 92}).verdict, V::likely_better);
  EXPECT_EQ(ar::compare_metric("rps", true, {100, 110, 120}, {105, 115, 125}).verdict, V::no_change);
  auto m = ar::compare_metric("rps", true, {100, 100, 100}, {110, 110, 110});
  EXPECT_NEAR(m.change_percent, 10, 1e-9);
}

namespace {
json cell(const std::string& server, std::vector<double> rps) {
  json reps = json::array();
  for (double r : rps) {
    reps.push_back({{"requests_per_second", r},
                    {"latency", {{"p50_us", 100}, {"p99_us", 200}, {"p999_us", 300}}},
                    {"server", {{"cpu_us_per_request", 10.0}, {"rss_peak_bytes", 1 << 20}}}});
  }
  return {{"server", server}, {"workload", "json"}, {"connections", 64}, {"status", "ok"}, {"repetitions", reps}};
}
}  // namespace

TEST(CompareRuns, MatchesCellsAndListsTheRest) {
  json a = {{"schema", "apibench.run/1"},
            {"cells", json::array({cell("x", {100, 101, 102, 103, 104}), cell("only-a", {1})})}};
  json b = {{"schema", "apibench.run/1"},
            {"cells", json::array({cell("x", {200, 201, 202, 203, 204}), cell("only-b", {1})})}};
  auto c = ar::compare_runs(a, b, "A", "B");
  ASSERT_EQ(c.cells.size(), 1u);
  EXPECT_EQ(c.cells[0].server, "x");
  EXPECT_EQ(c.cells[0].metrics[0].metric, "requests/s");
  EXPECT_EQ(c.cells[0].metrics[0].verdict, ar::Verdict::better);
  EXPECT_EQ(c.cells[0].metrics[1].verdict, ar::Verdict::no_change);  // identical p50
  EXPECT_EQ(c.only_in_a, std::vector<std::string>{"only-a/json/c64"});
  EXPECT_EQ(c.only_in_b, std::vector<std::string>{"only-b/json/c64"});
  auto md = ar::format_comparison_markdown(c);
  EXPECT_NE(md.find("| requests/s |"), std::string::npos);
  EXPECT_EQ(ar::to_json(c)["cells"][0]["metrics"][0]["verdict"], "better");
}
