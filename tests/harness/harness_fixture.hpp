#pragma once
// A scratch world for one harness test: fake server manifests, a suite file and
// a results folder in a temporary directory, and `apibench run` pointed at them.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "apibench_process.hpp"

namespace harness {

class HarnessTest : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;

  // servers/<name>/server.json running the fake server with these flags.
  void add_server(const std::string& name, const std::vector<std::string>& flags);
  // The same, started through `sh -c '<fake server> ... & wait'`: a wrapper
  // whose child does the serving, as nginx's run.sh does.
  void add_wrapped_server(const std::string& name, const std::vector<std::string>& flags);

  // A suite over these servers: one "json" workload (GET /json) at each
  // connection count, short windows; extra fields are merged in.
  void write_suite(const std::vector<std::string>& servers, const std::vector<unsigned>& connections,
                   const nlohmann::json& extra = nlohmann::json::object());

  // `apibench run` arguments for this world, plus extra ones.
  std::vector<std::string> run_args(const std::vector<std::string>& extra = {}) const;
  // Runs apibench to its end (bounded: a hang fails the test).
  Exit run_apibench(const std::vector<std::string>& extra = {});

  // The only run folder under results/; empty when there is none.
  std::filesystem::path run_dir() const;
  nlohmann::json run_json() const;

  std::filesystem::path root_, servers_, results_, suite_;
};

}  // namespace harness
