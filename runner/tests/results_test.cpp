#include "runner/results.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace ar = apibench::runner;
namespace fs = std::filesystem;

namespace {
std::string read_all(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST(Spread, MedianMinMax) {
  auto s = ar::spread_of({3, 1, 2});
  EXPECT_EQ(s.median, 2);
  EXPECT_EQ(s.min, 1);
  EXPECT_EQ(s.max, 3);
  EXPECT_EQ(ar::spread_of({1, 2, 3, 10}).median, 2.5);
  EXPECT_EQ(ar::spread_of({}).median, 0);
  EXPECT_NEAR(ar::spread_of({90, 100, 110}).relative_range(), 0.2, 1e-12);
}

TEST(AtomicWrite, ReplacesWholeFileAndLeavesNoTemporary) {
  fs::path dir = fs::temp_directory_path() / ("apibench-atomic-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / "run.json";
  ar::write_file_atomically(file, "first");
  ar::write_file_atomically(file, "second");
  EXPECT_EQ(read_all(file), "second");
  EXPECT_FALSE(fs::exists(dir / "run.json.tmp"));
  EXPECT_THROW(ar::write_file_atomically(dir / "no-such-dir" / "x", "y"), std::runtime_error);
  EXPECT_EQ(read_all(file), "second");
  fs::remove_all(dir);
}

TEST(RunDir, NamedByTimestampAndSuiteAndNeverReused) {
  fs::path root = fs::temp_directory_path() / ("apibench-runs-" + std::to_string(::getpid()));
  fs::path a = ar::create_run_dir(root, "quick");
  fs::path b = ar::create_run_dir(root, "quick");
  EXPECT_NE(a, b);
  EXPECT_TRUE(fs::is_directory(a));
  EXPECT_NE(a.filename().string().find("-quick"), std::string::npos);
  EXPECT_EQ(a.filename().string().size(), std::string("20261124T011805Z-quick").size());
  fs::remove_all(root);
}

TEST(CellJson, FailedCellKeepsItsReason) {
  ar::CellResult c("rust-style", "json", 64);
  c.error = "exited (exit 1) before ready";
  auto j = ar::to_json(c);
  EXPECT_EQ(j["status"], "failed");
  EXPECT_EQ(j["error"], c.error);
  EXPECT_FALSE(j.contains("summary"));
}
