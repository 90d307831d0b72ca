#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "runner/suite.hpp"
#include "suite_text.hpp"

namespace ar = apibench::runner;
using ar::test::load_suite_text;
using ar::test::suite_error;

TEST(SuiteBackground, StandardAndDesignSuitesLoadWithTheirBlockingWorkload) {
  for (const char* name : {"standard", "design"}) {
    auto s = ar::load_suite(name, APIBENCH_SOURCE_DIR);
    auto it = std::find_if(s.workloads.begin(), s.workloads.end(), [](const auto& w) { return w.name == "blocking"; });
    ASSERT_NE(it, s.workloads.end()) << name;
    ASSERT_TRUE(it->background);
    EXPECT_EQ(it->background->route, "work");
    EXPECT_EQ(it->background->connections, 64u);
    EXPECT_EQ(it->background->requests.front().path, "/work?ms=50");
  }
}

TEST(SuiteBackground, ParsedWithItsRouteRequestsAndConnections) {
  auto s = load_suite_text(R"({"name": "x", "workloads": [{"name": "w", "route": "json",
      "requests": [{"path": "/json"}], "connections": [4],
      "background": {"route": "work", "connections": 8, "requests": [{"path": "/work?ms=5"}]}}]})");
  ASSERT_TRUE(s.workloads[0].background);
  const ar::BackgroundLoad& background = *s.workloads[0].background;
  EXPECT_EQ(background.route, "work");
  ASSERT_EQ(background.requests.size(), 1u);
  EXPECT_EQ(background.requests.front().path, "/work?ms=5");
  EXPECT_EQ(background.connections, 8u);
}

TEST(SuiteBackground, BadBackgroundsAreRefusedWithAReason) {
  struct Case {
    const char* background;
    const char* reason;
  };
  for (const Case& c : {Case{R"({"route": "work", "connections": 0, "requests": [{"path": "/w"}]})",
                             "background needs requests and connections"},
                        Case{R"({"route": "work", "connections": 2, "requests": []})",
                             "background needs requests and connections"},
                        Case{R"({"connections": 2, "requests": [{"path": "/w"}]})", "route"}}) {
    const std::string why = suite_error(std::string(R"({"name": "x", "workloads": [{"name": "w", "requests": [{"path": "/a"}],
        "connections": [1], "background": )") + c.background + "}]}");
    EXPECT_NE(why.find(c.reason), std::string::npos) << c.background << ": '" << why << "'";
  }
  const std::string idle = suite_error(R"({"name": "x", "workloads": [{"name": "w", "kind": "idle", "requests": [{"path": "/a"}],
      "connections": [1], "background": {"route": "work", "connections": 2, "requests": [{"path": "/w"}]}}]})");
  EXPECT_NE(idle.find("workload 'w': a background load needs kind 'load'"), std::string::npos) << idle;
}
