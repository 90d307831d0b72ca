// `apibench run` against servers that fail: every failure is recorded with its
// reason, the next cell runs, and run.json is complete and well-formed.
#include <gtest/gtest.h>

#include <fstream>

#include "harness_fixture.hpp"

namespace harness {
namespace {

using nlohmann::json;

const json& cell_of(const json& run, const std::string& server) {
  for (const auto& c : run.at("cells")) {
    if (c.at("server") == server) return c;
  }
  throw std::runtime_error("no cell for " + server);
}

std::uint64_t error_sum(const json& cell, const std::string& kind) {
  std::uint64_t n = 0;
  for (const auto& r : cell.at("repetitions")) n += r.at("errors").at(kind).get<std::uint64_t>();
  return n;
}

TEST_F(HarnessTest, ServerKilledMidRunFailsItsCellAndTheNextCellRuns) {
  add_server("a-dies", {"--die-after-ms", "100"});
  add_server("b-steady", {});
  write_suite({"a-dies", "b-steady"}, {2});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  EXPECT_EQ(e.code, 1) << e.out << e.err;  // a cell failed
  json run = run_json();
  ASSERT_FALSE(run.is_discarded());
  EXPECT_TRUE(run.at("complete").get<bool>());
  const json& died = cell_of(run, "a-dies");
  EXPECT_EQ(died.at("status"), "failed");
  EXPECT_NE(died.at("error").get<std::string>().find("died"), std::string::npos) << died.dump();
  EXPECT_NE(died.at("error").get<std::string>().find("signal 9"), std::string::npos) << died.dump();
  EXPECT_EQ(cell_of(run, "b-steady").at("status"), "ok");
}

TEST_F(HarnessTest, ServerThatNeverGetsReadyFailsAfterTheTimeoutAndTheNextCellRuns) {
  add_server("a-silent", {"--mode", "never-ready"});
  add_server("b-steady", {});
  write_suite({"a-silent", "b-steady"}, {2});
  Exit e = run_apibench({"--ready-timeout", "1s"});
  ASSERT_TRUE(e.exited) << e.err;
  EXPECT_EQ(e.code, 1);
  json run = run_json();
  EXPECT_TRUE(run.at("complete").get<bool>());
  const json& silent = cell_of(run, "a-silent");
  EXPECT_EQ(silent.at("status"), "failed");
  EXPECT_NE(silent.at("error").get<std::string>().find("not ready after 1000 ms"), std::string::npos) << silent.dump();
  EXPECT_EQ(cell_of(run, "b-steady").at("status"), "ok");
}

TEST_F(HarnessTest, RefusedConnectionsAreCountedAndTheCellFailsWithTheReason) {
  add_server("refuser", {"--mode", "refuse"});
  write_suite({"refuser"}, {2});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  EXPECT_EQ(e.code, 1);
  json run = run_json();
  EXPECT_TRUE(run.at("complete").get<bool>());
  const json& cell = cell_of(run, "refuser");
  EXPECT_EQ(cell.at("status"), "failed");
  EXPECT_NE(cell.at("error").get<std::string>().find("no request was answered"), std::string::npos) << cell.dump();
  EXPECT_GT(error_sum(cell, "connect"), 0u);
}

TEST_F(HarnessTest, WrongContentLengthIsCountedAsErrorsAndTheResultsAreWritten) {
  add_server("liar", {"--mode", "wrong-length"});
  write_suite({"liar"}, {2});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  json run = run_json();
  ASSERT_FALSE(run.is_discarded());
  EXPECT_TRUE(run.at("complete").get<bool>());
  const json& cell = cell_of(run, "liar");
  EXPECT_GT(error_sum(cell, "bad_response"), 0u) << cell.dump();
  EXPECT_TRUE(std::filesystem::exists(run_dir() / "histograms" / "liar-json-c2-r1.json"));
}

TEST_F(HarnessTest, BackgroundLoadRunsInTheSameWindowAndIsRecordedBesideTheCell) {
  add_server("steady", {});
  json background = {{"route", "work"}, {"connections", 2},
                     {"requests", json::array({json::object({{"path", "/work?ms=1"}})})}};
  write_suite({"steady"}, {2});
  json suite = json::parse(read_file(suite_));
  suite["workloads"][0]["background"] = background;
  std::ofstream(suite_) << suite.dump(2);
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  EXPECT_EQ(e.code, 0) << e.out << e.err;
  json run = run_json();
  const json& cell = cell_of(run, "steady");
  ASSERT_EQ(cell.at("repetitions").size(), 2u);
  for (const auto& r : cell.at("repetitions")) {
    EXPECT_GT(r.at("requests").get<std::uint64_t>(), 0u);
    EXPECT_GT(r.at("background").at("requests").get<std::uint64_t>(), 0u);
  }
  EXPECT_TRUE(cell.at("summary").at("background").contains("p99_us"));
  EXPECT_NE(e.out.find("background"), std::string::npos) << e.out;
}

TEST_F(HarnessTest, RunRecordsServerVersionsAndWarnsAboutShortWindows) {
  add_server("steady", {});
  write_suite({"steady"}, {2});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  json run = run_json();
  EXPECT_EQ(run.at("servers").at("steady").at("version"), "fake-server 1.0 (apibench harness tests)");
  EXPECT_FALSE(run.at("servers").at("steady").at("toolchain").get<std::string>().empty());
  bool short_warning = false;
  for (const auto& w : run.at("warnings")) short_warning |= w.get<std::string>().find("under 2 s") != std::string::npos;
  EXPECT_TRUE(short_warning) << run.at("warnings").dump();
  EXPECT_NE(e.out.find("warning: "), std::string::npos);
}

TEST_F(HarnessTest, WithoutATerminalEachFinishedCellIsOnePlainLine) {
  add_server("steady", {});
  write_suite({"steady"}, {1, 2});
  Exit e = run_apibench();
  ASSERT_TRUE(e.exited) << e.err;
  EXPECT_NE(e.out.find("[1/2] steady json c=1: "), std::string::npos) << e.out;
  EXPECT_NE(e.out.find("[2/2] steady json c=2: "), std::string::npos) << e.out;
  EXPECT_EQ(e.err.find('\r'), std::string::npos);  // no status line redrawn
}

}  // namespace
}  // namespace harness
