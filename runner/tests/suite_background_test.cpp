#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "runner/suite.hpp"

namespace ar = apibench::runner;
namespace fs = std::filesystem;

namespace {

fs::path write_suite(const std::string& text) {
  fs::path file = fs::temp_directory_path() / ("apibench-bg-suite-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << text;
  return file;
}

}  // namespace

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
  fs::path file = write_suite(R"({"name": "x", "workloads": [{"name": "w", "route": "json",
      "requests": [{"path": "/json"}], "connections": [4],
      "background": {"route": "work", "connections": 8, "requests": [{"path": "/work?ms=5"}]}}]})");
  auto s = ar::load_suite(file.string(), "/");
  ASSERT_TRUE(s.workloads[0].background);
  const ar::BackgroundLoad& background = *s.workloads[0].background;
  EXPECT_EQ(background.route, "work");
  ASSERT_EQ(background.requests.size(), 1u);
  EXPECT_EQ(background.requests.front().path, "/work?ms=5");
  EXPECT_EQ(background.connections, 8u);
  fs::remove(file);
}

namespace {

// The reason load_suite gives for a suite, or "" when it loads.
std::string error_of(const std::string& suite) {
  fs::path file = write_suite(suite);
  std::string why;
  try {
    ar::load_suite(file.string(), "/");
  } catch (const std::runtime_error& e) {
    why = e.what();
  }
  fs::remove(file);
  return why;
}

}  // namespace

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
    const std::string why = error_of(std::string(R"({"name": "x", "workloads": [{"name": "w", "requests": [{"path": "/a"}],
        "connections": [1], "background": )") + c.background + "}]}");
    EXPECT_NE(why.find(c.reason), std::string::npos) << c.background << ": '" << why << "'";
  }
  const std::string idle = error_of(R"({"name": "x", "workloads": [{"name": "w", "kind": "idle", "requests": [{"path": "/a"}],
      "connections": [1], "background": {"route": "work", "connections": 2, "requests": [{"path": "/w"}]}}]})");
  EXPECT_NE(idle.find("workload 'w': a background load needs kind 'load'"), std::string::npos) << idle;
}
