#include "loadgen/load_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "loadgen/tests/test_server.hpp"

namespace apibench::loadgen {
namespace {

// Parses `args` (after the program name) the way cli/main.cpp will.
std::function<int()> parse(std::vector<std::string> args) {
  CLI::App app("apibench");
  std::function<int()> action;
  add_load_command(app, action);
  std::vector<const char*> argv{"apibench"};
  for (const auto& a : args) argv.push_back(a.c_str());
  app.parse(static_cast<int>(argv.size()), argv.data());
  return action;
}

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "/loadgen_" + std::to_string(::getpid()) + "_" + name;
}

TEST(LoadCommand, RunsAndWritesJsonAndHgrm) {
  testing::TestServer server;
  const auto json_path = temp_path("run.json");
  const auto hgrm_path = temp_path("run.hgrm");
  const auto url = "http://127.0.0.1:" + std::to_string(server.port()) + "/x";
  const auto action = parse({"load", url, "-c", "2", "-d", "200ms", "--warmup", "0s", "--rate", "500", "--json",
                             json_path, "--hgrm", hgrm_path, "-H", "X-Test: 1"});
  ASSERT_TRUE(action);
  EXPECT_EQ(action(), 0);
  std::ifstream json_file(json_path);
  const auto json = nlohmann::json::parse(json_file);
  EXPECT_EQ(json["schema"], "apibench.load/1");
  EXPECT_EQ(json["spec"]["connections"], 2);
  EXPECT_EQ(json["endpoints"][0]["name"], "/x");
  EXPECT_GT(json["requests"].get<int>(), 0);
  std::ifstream hgrm(hgrm_path);
  std::string first_line;
  std::getline(hgrm, first_line);
  EXPECT_NE(first_line.find("Percentile"), std::string::npos);
  EXPECT_TRUE(std::ifstream(temp_path("run.service.hgrm")).good());
  std::remove(json_path.c_str());
  std::remove(hgrm_path.c_str());
  std::remove(temp_path("run.service.hgrm").c_str());
}

TEST(LoadCommand, NoResponsesIsAFailingExitCode) {
  const auto url = "http://127.0.0.1:" + std::to_string(testing::refused_port()) + "/";
  EXPECT_EQ(parse({"load", url, "-c", "1", "-d", "100ms", "--warmup", "0s"})(), 1);
}

TEST(LoadCommand, BadValuesFailTheParse) {
  EXPECT_THROW(parse({"load", "https://x/"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load", "http://h/", "-d", "ten"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load", "http://h/", "-c", "0"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load", "http://h/", "--cpus", "3-1"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load", "http://h/", "-H", "nocolon"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load", "http://h/", "--rate", "-1"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load"}), CLI::RequiredError);
}

TEST(LoadCommand, ScenarioWithARequestCountWritesCsv) {
  testing::TestServer server;
  const auto scenario = temp_path("mix.json");
  std::ofstream(scenario) << R"({"schema": "apibench.scenario/1", "requests": [
    {"name": "a", "path": "/a", "weight": 3}, {"name": "b", "method": "POST", "path": "/b", "body": {"orders": 2}}]})";
  const auto csv_path = temp_path("run.csv");
  const auto url = "http://127.0.0.1:" + std::to_string(server.port()) + "/ignored";
  const auto action = parse({"load", url, "--scenario", scenario, "-c", "2", "-n", "200", "--warmup", "0s", "--csv", csv_path});
  ASSERT_TRUE(action);
  EXPECT_EQ(action(), 0);
  std::ifstream csv(csv_path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(csv, line);) lines.push_back(line);
  ASSERT_EQ(lines.size(), 4u);  // header, a, b, total
  EXPECT_EQ(lines[0].rfind("endpoint,requests,p50_ns,", 0), 0u);
  EXPECT_EQ(lines[1].rfind("a,", 0), 0u);
  EXPECT_EQ(lines[2].rfind("b,", 0), 0u);
  EXPECT_EQ(lines[3].rfind("total,200,", 0), 0u);
  std::remove(csv_path.c_str());
  std::remove(scenario.c_str());
}

TEST(LoadCommand, ABadScenarioIsExitCode2) {
  const auto scenario = temp_path("bad.json");
  std::ofstream(scenario) << R"({"schema": "apibench.scenario/1", "requests": [{"path": "nope"}]})";
  const auto url = "http://127.0.0.1:" + std::to_string(testing::refused_port()) + "/";
  EXPECT_EQ(parse({"load", url, "--scenario", scenario, "-d", "100ms"})(), 2);
  std::remove(scenario.c_str());
  EXPECT_THROW(parse({"load", url, "--scenario", "/no/such/file.json"}), CLI::ValidationError);
  EXPECT_THROW(parse({"load", url, "-n", "0"}), CLI::ValidationError);
}

TEST(LoadCommand, ActionIsOnlySetWhenLoadIsChosen) {
  CLI::App app("apibench");
  std::function<int()> action;
  add_load_command(app, action);
  app.add_subcommand("other");
  const char* argv[] = {"apibench", "other"};
  app.parse(2, argv);
  EXPECT_FALSE(action);
}

}  // namespace
}  // namespace apibench::loadgen
