// Ctrl-C (SIGINT) and SIGTERM during a suite: apibench stops promptly, stops
// every process its servers started, keeps the finished cells and marks the
// run incomplete.
#include <gtest/gtest.h>
#include <signal.h>

#include <sstream>
#include <thread>

#include "harness_fixture.hpp"

namespace harness {
namespace {

using nlohmann::json;

constexpr auto kStartBound = std::chrono::seconds(30);
constexpr auto kDidNotHang = std::chrono::seconds(5);  // the promise is a second; this only catches a hang

std::vector<pid_t> pids_in(const std::filesystem::path& file) {
  std::istringstream in(read_file(file));
  std::vector<pid_t> pids;
  for (pid_t p; in >> p;) pids.push_back(p);
  return pids;
}

class InterruptTest : public HarnessTest {
 protected:
  // A suite of many cells on a wrapped server that starts a child of its own;
  // returns once the first cell is in run.json.
  void start_long_run() {
    pid_file_ = root_ / "pids";
    add_wrapped_server("wrapped", {"--spawn-child", "--pid-file", pid_file_.string()});
    write_suite({"wrapped"}, {1, 2, 3, 4, 5, 6, 7, 8}, {{"duration_ms", 400}, {"repetitions", 1}});
    process_.emplace(run_args(), root_);
    auto deadline = std::chrono::steady_clock::now() + kStartBound;
    while (std::chrono::steady_clock::now() < deadline) {
      json run = run_dir().empty() ? json() : run_json();
      if (run.is_object() && run.contains("cells") && !run.at("cells").empty()) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    FAIL() << "no cell finished in time";
  }

  void expect_stopped_cleanly(const Exit& e, int code, const std::string& reason) {
    ASSERT_TRUE(e.exited) << "apibench did not exit after the signal";
    EXPECT_EQ(e.code, code) << e.out << e.err;
    json run = run_json();
    ASSERT_FALSE(run.is_discarded());
    EXPECT_FALSE(run.at("complete").get<bool>());
    EXPECT_NE(run.at("incomplete_reason").get<std::string>().find(reason), std::string::npos) << run.dump();
    ASSERT_FALSE(run.at("cells").empty());
    EXPECT_EQ(run.at("cells")[0].at("status"), "ok");  // finished before the signal: kept
    EXPECT_LT(run.at("cells").size(), 8u);
    std::vector<pid_t> pids = pids_in(pid_file_);
    EXPECT_GE(pids.size(), 2u);  // at least the first cell's server and its child
    for (pid_t p : pids) EXPECT_TRUE(process_gone(p)) << "orphan process " << p;
  }

  std::filesystem::path pid_file_;
  std::optional<ApibenchProcess> process_;
};

TEST_F(InterruptTest, CtrlCStopsTheRunKeepsFinishedCellsAndLeavesNoServerProcess) {
  start_long_run();
  process_->signal(SIGINT);
  Exit e = process_->wait(kDidNotHang);
  expect_stopped_cleanly(e, 130, "SIGINT");
  EXPECT_NE(e.out.find("interrupted by SIGINT"), std::string::npos) << e.out;
}

TEST_F(InterruptTest, SigtermStopsTheRunTheSameWay) {
  start_long_run();
  process_->signal(SIGTERM);
  expect_stopped_cleanly(process_->wait(kDidNotHang), 128 + SIGTERM, "SIGTERM");
}

}  // namespace
}  // namespace harness
