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
