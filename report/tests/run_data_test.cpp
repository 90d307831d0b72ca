#include "report/run_data.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "report/markdown.hpp"
#include "report/subprocess.hpp"
#include "report/tests/synthetic_run.hpp"
#include "runner/results.hpp"

namespace ar = apibench::report;
namespace fs = std::filesystem;
using ar::testing::write_synthetic_run;

namespace {

std::string load_error(const fs::path& dir) {
  try {
    ar::load_run(dir);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

void write_run_json(const fs::path& dir, const std::string& text) {
  fs::create_directories(dir);
  apibench::runner::write_file_atomically(dir / "run.json", text);
}

}  // namespace

TEST(RunData, LoadsEveryCellWithItsStatusAndNumbers) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  ar::RunData run = ar::load_run(dir.path());
  EXPECT_EQ(run.suite, "synthetic");
  EXPECT_TRUE(run.complete);
  EXPECT_EQ(run.environment.build.commit, "0123456789abcdef");  // an older run: git_commit only
  EXPECT_EQ(run.environment.source.commit, "0123456789abcdef");
  EXPECT_EQ(run.server_cpus, std::vector<int>{0});
  ASSERT_EQ(run.cells.size(), 11u);
  EXPECT_EQ(run.workloads(), (std::vector<std::string>{"json", "cache", "idle-1k"}));
  EXPECT_EQ(run.servers(), (std::vector<std::string>{"rust-style", "go-style", "<x&y>"}));
  EXPECT_EQ(run.measured_cells("json").size(), 6u);

  const ar::CellData& first = run.cells[0];
  EXPECT_TRUE(first.measured());
  ASSERT_EQ(first.repetitions.size(), 3u);
  EXPECT_EQ(first.repetitions[0].histogram_file, "histograms/rust-style-json-c16-r1.json");
  EXPECT_EQ(first.repetitions[0].timeline.size(), 3u);
  EXPECT_DOUBLE_EQ(first.summary->requests_per_second.median, 100000);
  EXPECT_DOUBLE_EQ(first.summary->requests_per_second.min, 99000);
  EXPECT_DOUBLE_EQ(first.summary->requests_per_second.max, 101000);
  ASSERT_TRUE(first.summary->allocations_per_request);
  EXPECT_DOUBLE_EQ(first.summary->allocations_per_request->median, 0);
  EXPECT_FALSE(run.cells[4].summary->allocations_per_request) << "<x&y> has no allocation count";
}

TEST(RunData, KeepsReasonsOfSkippedFailedAndIdleCells) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path(), {.complete = false});
  ar::RunData run = ar::load_run(dir.path());
  EXPECT_FALSE(run.complete);
  EXPECT_EQ(run.cells[7].status, ar::CellStatus::failed);
  EXPECT_EQ(run.cells[7].error, "exited (exit 1) before ready");
  EXPECT_EQ(run.cells[8].status, ar::CellStatus::skipped);
  EXPECT_FALSE(run.cells[8].summary);
  ASSERT_TRUE(run.cells[9].idle);
  EXPECT_DOUBLE_EQ(run.cells[9].idle->rss_per_connection_bytes, 2048);
  EXPECT_FALSE(run.cells[9].measured());
}

TEST(RunData, WrongSchemaIsAClearError) {
  ar::TempDir dir("report-test");
  write_run_json(dir.path(), R"({"schema": "apibench.run/0", "cells": []})");
  std::string error = load_error(dir.path());
  EXPECT_NE(error.find("schema 'apibench.run/0'"), std::string::npos) << error;
  EXPECT_NE(error.find("apibench.run/1"), std::string::npos) << error;
  EXPECT_NE(error.find("run.json"), std::string::npos) << error;
}

TEST(RunData, MissingSchemaBadJsonMissingFileAndBadFieldsAreClearErrors) {
  ar::TempDir dir("report-test");
  EXPECT_NE(load_error(dir.path()).find("cannot read"), std::string::npos);
  write_run_json(dir.path(), R"({"suite": "x"})");
  EXPECT_NE(load_error(dir.path()).find("no \"schema\""), std::string::npos);
  write_run_json(dir.path(), "{not json");
  EXPECT_NE(load_error(dir.path()).find("not valid JSON"), std::string::npos);
  write_run_json(dir.path(), R"({"schema": "apibench.run/1", "cells": [{"server": 3}]})");
  EXPECT_NE(load_error(dir.path()).find("does not match apibench.run/1"), std::string::npos) << load_error(dir.path());
  write_run_json(dir.path(),
                 R"({"schema": "apibench.run/1", "cells": [{"server": "a", "workload": "w", "connections": 1,
                     "status": "exploded"}]})");
  EXPECT_NE(load_error(dir.path()).find("status 'exploded'"), std::string::npos) << load_error(dir.path());
}

TEST(RunData, WindowsMeasuredAgainAreCountedAndNamedPerCell) {
  ar::TempDir dir("report-test");
  nlohmann::json doc = write_synthetic_run(dir.path());
  EXPECT_TRUE(ar::redone_window_notes(ar::load_run(dir.path())).empty()) << "none recorded, nothing said";

  doc["cells"][0]["redone_windows"] = {{{"round", 1}, {"reason", "other processes used 40% of the server CPUs"}},
                                       {{"round", 2}, {"reason", "the hypervisor stole 8% of the CPUs"}}};
  write_run_json(dir.path(), doc.dump());
  const ar::RunData run = ar::load_run(dir.path());
  std::size_t kept = 0;
  for (const auto& c : run.cells) kept += c.repetitions.size();
  const auto notes = ar::redone_window_notes(run);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].rfind(fmt::format("2 of {} measured windows were measured again", kept + 2), 0), 0u) << notes[0];
  EXPECT_EQ(notes[1], "rust-style json c=16: 2 measured again (other processes used 40% of the server CPUs; "
                      "the hypervisor stole 8% of the CPUs)");
  EXPECT_NE(ar::render_markdown(run).find("## Windows measured again"), std::string::npos);
}
