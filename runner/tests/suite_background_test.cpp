#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

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
  EXPECT_EQ(s.workloads[0].background->connections, 8u);
  fs::remove(file);
}

TEST(SuiteBackground, BadBackgroundsAreRefusedWithAReason) {
  for (const char* background : {R"({"route": "work", "connections": 0, "requests": [{"path": "/w"}]})",
                                 R"({"route": "work", "connections": 2, "requests": []})",
                                 R"({"connections": 2, "requests": [{"path": "/w"}]})"}) {
    fs::path file = write_suite(std::string(R"({"name": "x", "workloads": [{"name": "w", "requests": [{"path": "/a"}],
        "connections": [1], "background": )") + background + "}]}");
    EXPECT_THROW(ar::load_suite(file.string(), "/"), std::runtime_error) << background;
    fs::remove(file);
  }
  fs::path idle = write_suite(R"({"name": "x", "workloads": [{"name": "w", "kind": "idle", "requests": [{"path": "/a"}],
      "connections": [1], "background": {"route": "work", "connections": 2, "requests": [{"path": "/w"}]}}]})");
  EXPECT_THROW(ar::load_suite(idle.string(), "/"), std::runtime_error);
  fs::remove(idle);
}
