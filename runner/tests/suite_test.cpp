#include "runner/suite.hpp"

#include "runner/cell.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace ar = apibench::runner;
namespace fs = std::filesystem;

TEST(Suite, ShippedSuitesLoad) {
  for (const char* name : {"quick", "design", "standard", "claims"}) {
    auto s = ar::load_suite(name, APIBENCH_SOURCE_DIR);
    EXPECT_EQ(s.name, name);
    EXPECT_FALSE(s.workloads.empty());
  }
}

TEST(Suite, UnknownSuiteAndBadFilesSayWhy) {
  try {
    ar::load_suite("no-such-suite", APIBENCH_SOURCE_DIR);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no-such-suite"), std::string::npos);
  }
  fs::path bad = fs::temp_directory_path() / ("apibench-bad-suite-" + std::to_string(::getpid()) + ".json");
  std::ofstream(bad) << R"({"name": "x", "workloads": [{"name": "w", "requests": [{"path": "nope"}], "connections": [1]}]})";
  EXPECT_THROW(ar::load_suite(bad.string(), "/"), std::runtime_error);
  std::ofstream(bad) << R"({"name": "x", "workloads": [{"name": "w", "requests": [{"path": "/a"}], "connections": [0]}]})";
  EXPECT_THROW(ar::load_suite(bad.string(), "/"), std::runtime_error);
  fs::remove(bad);
}

TEST(Suite, RawRequestBytes) {
  ar::WorkloadRequest get;
  get.path = "/json";
  EXPECT_EQ(ar::raw_request(get, "127.0.0.1:80"), "GET /json HTTP/1.1\r\nHost: 127.0.0.1:80\r\n\r\n");
  ar::WorkloadRequest post{"POST", "/orders", {"X-A: 1"}, "{}", "application/json", 1};
  EXPECT_EQ(ar::raw_request(post, "h:1"),
            "POST /orders HTTP/1.1\r\nHost: h:1\r\nX-A: 1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
}

TEST(Suite, ScenarioWorkloadExpandsIntoRequestsAndSetup) {
  fs::path file = fs::temp_directory_path() / ("apibench-scenario-suite-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << R"({"name": "s", "workloads": [
    {"name": "cache", "route": "cache", "scenario": "scenarios/cache-server.json", "connections": [8]},
    {"name": "json", "requests": [{"path": "/json"}], "connections": [1]}]})";
  const auto s = ar::load_suite(file.string(), APIBENCH_SOURCE_DIR);
  ASSERT_EQ(s.workloads.size(), 2u);
  const auto& cache = s.workloads[0];
  ASSERT_GT(cache.requests.size(), 100u);  // one variant per (request, key) the sequence picked
  double gets = 0, total = 0;
  for (const auto& r : cache.requests) {
    EXPECT_EQ(r.path.rfind("/cache/key-", 0), 0u) << r.path;
    if (r.method == "GET") gets += r.weight;
    if (r.method == "PUT") {
      EXPECT_EQ(r.body.size(), 256u);
    }
    total += r.weight;
  }
  EXPECT_NEAR(gets / total, 0.9, 0.01);
  ASSERT_EQ(cache.setup.size(), 10000u);  // every key preloaded, so GETs hit
  EXPECT_EQ(cache.setup.front().method, "PUT");
  EXPECT_EQ(ar::raw_request(s.workloads[1].requests.front(), "h"), "GET /json HTTP/1.1\r\nHost: h\r\n\r\n");

  std::ofstream(file) << R"({"name": "s", "workloads": [
    {"name": "w", "scenario": "scenarios/no-such.json", "connections": [1]}]})";
  try {
    ar::load_suite(file.string(), APIBENCH_SOURCE_DIR);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no-such.json: cannot open"), std::string::npos) << e.what();
  }
  fs::remove(file);
}

TEST(Suite, AWorkloadsOwnDurationSetsItsWindowUnlessTheCommandLineGivesOne) {
  fs::path file = fs::temp_directory_path() / ("apibench-duration-suite-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << R"({"name": "s", "duration_ms": 2000, "workloads": [
    {"name": "long", "requests": [{"path": "/json"}], "connections": [1], "duration_ms": 9000},
    {"name": "plain", "requests": [{"path": "/json"}], "connections": [1]}]})";
  const auto s = ar::load_suite(file.string(), APIBENCH_SOURCE_DIR);
  ar::CellContext ctx;
  ctx.duration = s.duration;
  EXPECT_EQ(ar::measured_window(ctx, s.workloads[0]), std::chrono::milliseconds(9000));
  EXPECT_EQ(ar::measured_window(ctx, s.workloads[1]), std::chrono::milliseconds(2000));
  ctx.duration = std::chrono::milliseconds(500);
  ctx.duration_from_command_line = true;
  EXPECT_EQ(ar::measured_window(ctx, s.workloads[0]), std::chrono::milliseconds(500));
  std::ofstream(file) << R"({"name": "s", "workloads": [
    {"name": "w", "requests": [{"path": "/json"}], "connections": [1], "duration_ms": 0}]})";
  EXPECT_THROW(ar::load_suite(file.string(), APIBENCH_SOURCE_DIR), std::runtime_error);
  fs::remove(file);
}

// `apibench ratios` reads these workloads of a design run by name; a suite without one
// leaves its target "not measured" (the cache allocation target was, until the cache
// workload was added).
TEST(Suite, TheDesignSuiteHasEveryWorkloadTheRatiosRead) {
  const auto s = ar::load_suite("design", APIBENCH_SOURCE_DIR);
  for (const char* name : {"json", "json-half-max", "plaintext", "orders", "cache", "blocking", "idle-10k"}) {
    const auto it = std::find_if(s.workloads.begin(), s.workloads.end(), [&](const auto& w) { return w.name == name; });
    EXPECT_NE(it, s.workloads.end()) << name;
  }
  const auto cache = std::find_if(s.workloads.begin(), s.workloads.end(), [](const auto& w) { return w.name == "cache"; });
  ASSERT_NE(cache, s.workloads.end());
  EXPECT_EQ(cache->route, "cache");
  EXPECT_TRUE(fs::exists(fs::path(APIBENCH_SOURCE_DIR) / cache->scenario)) << cache->scenario;
}
