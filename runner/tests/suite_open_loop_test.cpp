// The suite format's open_loop option and `apibench run --workloads`.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "runner/suite.hpp"
#include "suite_text.hpp"

namespace ar = apibench::runner;

namespace {

// A one-workload suite whose workload ends with `extra` (e.g. `, "open_loop": {...}`).
std::string suite_with(const std::string& extra) {
  return R"({"name": "x", "workloads": [{"name": "w", "route": "json",
      "requests": [{"path": "/json"}], "connections": [4])" + extra + "}]}";
}

ar::Suite load_with(const std::string& extra) { return ar::test::load_suite_text(suite_with(extra)); }

std::string error_of(const std::string& extra) { return ar::test::suite_error(suite_with(extra)); }

}  // namespace

TEST(SuiteOpenLoop, FractionOfMaxIsParsed) {
  auto s = load_with(R"(, "open_loop": {"fraction_of_max": 0.5})");
  ASSERT_TRUE(s.workloads[0].open_loop);
  EXPECT_DOUBLE_EQ(s.workloads[0].open_loop->fraction_of_max, 0.5);
  EXPECT_DOUBLE_EQ(load_with(R"(, "open_loop": {"fraction_of_max": 1})").workloads[0].open_loop->fraction_of_max, 1.0);
  EXPECT_FALSE(load_with("").workloads[0].open_loop);
}

TEST(SuiteOpenLoop, BadValuesAreRefusedWithAReason) {
  for (const char* bad : {R"(, "open_loop": {"fraction_of_max": 0})", R"(, "open_loop": {"fraction_of_max": -0.5})",
                          R"(, "open_loop": {"fraction_of_max": 1.5})", R"(, "open_loop": {"fraction_of_max": "half"})",
                          R"(, "open_loop": {})", R"(, "open_loop": 0.5)"}) {
    const std::string why = error_of(bad);
    EXPECT_NE(why.find("workload 'w': open_loop"), std::string::npos) << bad << ": " << why;
  }
}

TEST(SuiteOpenLoop, NotWithASweepABackgroundOrIdle) {
  for (const char* bad : {R"(, "open_loop": {"fraction_of_max": 0.5}, "sweep": {"slo_ms": 10})",
                          R"(, "open_loop": {"fraction_of_max": 0.5}, "kind": "idle")",
                          R"(, "open_loop": {"fraction_of_max": 0.5},
                             "background": {"route": "work", "connections": 2, "requests": [{"path": "/w"}]})"}) {
    EXPECT_NE(error_of(bad).find("open_loop needs kind 'load'"), std::string::npos) << bad;
  }
}

TEST(SuiteOpenLoop, TheDesignSuiteHasJsonAtHalfItsMax) {
  auto s = ar::load_suite("design", APIBENCH_SOURCE_DIR);
  auto it = std::find_if(s.workloads.begin(), s.workloads.end(), [](const auto& w) { return w.name == "json-half-max"; });
  ASSERT_NE(it, s.workloads.end());
  ASSERT_TRUE(it->open_loop);
  EXPECT_DOUBLE_EQ(it->open_loop->fraction_of_max, 0.5);
  EXPECT_EQ(it->route, "json");
  EXPECT_EQ(it->connections, std::vector<unsigned>{64});
}

TEST(KeepWorkloads, OnlyTheNamedOnesInTheSuitesOrder) {
  auto s = ar::load_suite("design", APIBENCH_SOURCE_DIR);
  ar::keep_workloads(s, {"json-half-max", "json"});
  ASSERT_EQ(s.workloads.size(), 2u);
  EXPECT_EQ(s.workloads[0].name, "json");
  EXPECT_EQ(s.workloads[1].name, "json-half-max");
}

TEST(KeepWorkloads, AnEmptyListKeepsThemAll) {
  auto s = ar::load_suite("design", APIBENCH_SOURCE_DIR);
  const auto all = s.workloads.size();
  ar::keep_workloads(s, {});
  EXPECT_EQ(s.workloads.size(), all);
}

TEST(KeepWorkloads, AnUnknownNameIsAnErrorThatListsTheKnownOnes) {
  auto s = ar::load_suite("design", APIBENCH_SOURCE_DIR);
  try {
    ar::keep_workloads(s, {"json", "jsno"});
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    const std::string why = e.what();
    EXPECT_NE(why.find("no workload 'jsno'"), std::string::npos) << why;
    EXPECT_NE(why.find("json-half-max"), std::string::npos) << why;
  }
}

namespace {

// A sweep workload "s", then an open-loop workload "o" whose open_loop is `open_loop`.
std::string suite_with_rate_from(const std::string& open_loop, bool sweep_first = true) {
  const std::string sweep = R"({"name": "s", "route": "json", "requests": [{"path": "/json"}], "connections": [4],
      "sweep": {"slo_ms": 10}})";
  const std::string open = R"({"name": "o", "route": "json", "requests": [{"path": "/json"}], "connections": [4],
      "open_loop": )" + open_loop + "}";
  return R"({"name": "x", "workloads": [)" + (sweep_first ? sweep + "," + open : open + "," + sweep) + "]}";
}

}  // namespace

TEST(SuiteOpenLoop, ARateFromAnEarlierSweepIsParsed) {
  auto own = ar::test::load_suite_text(suite_with_rate_from(R"({"fraction_of_max": 0.5, "max_from": "s"})"));
  ASSERT_TRUE(own.workloads[1].open_loop);
  EXPECT_EQ(own.workloads[1].open_loop->max_from, "s");
  EXPECT_FALSE(own.workloads[1].open_loop->of_lowest);
  auto lowest =
      ar::test::load_suite_text(suite_with_rate_from(R"({"fraction_of_max": 0.5, "max_from": "s", "of": "lowest"})"));
  EXPECT_TRUE(lowest.workloads[1].open_loop->of_lowest);
}

TEST(SuiteOpenLoop, ARateFromASweepNeedsThatSweepFirstAndAKnownOf) {
  EXPECT_NE(ar::test::suite_error(suite_with_rate_from(R"({"fraction_of_max": 0.5, "max_from": "s"})", false))
                .find("open_loop max_from 's' is not a sweep workload before it"),
            std::string::npos);
  EXPECT_NE(ar::test::suite_error(suite_with_rate_from(R"({"fraction_of_max": 0.5, "max_from": "nope"})"))
                .find("max_from 'nope' is not a sweep workload before it"),
            std::string::npos);
  EXPECT_NE(ar::test::suite_error(suite_with_rate_from(R"({"fraction_of_max": 0.5, "max_from": "s", "of": "mean"})"))
                .find("\"of\" is 'own' or 'lowest', not 'mean'"),
            std::string::npos);
  EXPECT_NE(ar::test::suite_error(suite_with_rate_from(R"({"fraction_of_max": 0.5, "of": "lowest"})"))
                .find("\"of\" needs \"max_from\""),
            std::string::npos);
}
