#include "report/report_command.hpp"

#include <gtest/gtest.h>

#include "report/subprocess.hpp"
#include "report/tests/synthetic_run.hpp"

namespace ar = apibench::report;
namespace fs = std::filesystem;

namespace {

int run_cli(const std::vector<std::string>& args) {
  CLI::App app{"test"};
  std::function<int()> action;
  ar::add_report_command(app, action);
  std::vector<const char*> argv{"apibench"};
  for (const auto& a : args) argv.push_back(a.c_str());
  app.parse(static_cast<int>(argv.size()), argv.data());
  return action ? action() : -1;
}

}  // namespace

TEST(ReportCommand, RebuildsTheReportsOfAFolder) {
  ar::TempDir dir("report-test");
  ar::testing::write_synthetic_run(dir.path());
  EXPECT_EQ(run_cli({"report", dir.path().string()}), 0);
  EXPECT_TRUE(fs::exists(dir.path() / "report.md"));
  EXPECT_TRUE(fs::exists(dir.path() / "summary.csv"));
  EXPECT_TRUE(fs::exists(dir.path() / "report.html"));
}

TEST(ReportCommand, AFolderWithoutRunJsonExitsWithTwo) {
  ar::TempDir dir("report-test");
  testing::internal::CaptureStderr();
  EXPECT_EQ(run_cli({"report", dir.path().string()}), 2);
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("apibench report: cannot read"), std::string::npos) << err;
  EXPECT_EQ(std::count(err.begin(), err.end(), '\n'), 1) << "one line: " << err;
}

TEST(ReportCommand, DirIsRequired) { EXPECT_THROW(run_cli({"report"}), CLI::ParseError); }
