#include "report/markdown.hpp"

#include <gtest/gtest.h>

#include "report/subprocess.hpp"
#include "report/tables.hpp"
#include "report/tests/synthetic_run.hpp"

namespace ar = apibench::report;
using ar::testing::write_synthetic_run;

namespace {

std::string markdown_of(const ar::testing::SyntheticOptions& options = {}) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path(), options);
  return ar::render_markdown(ar::load_run(dir.path()));
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST(Markdown, EnvironmentAndWarningsComeFirst) {
  std::string md = markdown_of();
  EXPECT_TRUE(has(md, "| commit | 0123456789abcdef (dirty: uncommitted changes) |")) << md;
  EXPECT_TRUE(has(md, "| compiler | g++ 12.2.0 |"));
  EXPECT_TRUE(has(md, "| build type | Release |"));
  EXPECT_TRUE(has(md, "| CPU | Test CPU @ 3.0GHz (2 CPUs) |"));
  EXPECT_TRUE(has(md, "| kernel | Linux 6.1.0 |"));
  EXPECT_TRUE(has(md, "| frequency governor | powersave |"));
  EXPECT_TRUE(has(md, "| pinning | server on CPUs 0, load generator on CPUs 1 |"));
  EXPECT_TRUE(has(md, "| command line | apibench run --suite synthetic |"));
  EXPECT_TRUE(has(md, "## Warnings\n\n- CPU frequency governor is 'powersave', not 'performance'\n"));
  EXPECT_LT(md.find("## Warnings"), md.find("## Workload json"));
  EXPECT_FALSE(has(md, "Interrupted"));
}

TEST(Markdown, WorkloadTableHasOneRowPerServerAndConnectionCount) {
  std::string md = markdown_of();
  // rust-style records 990 x 50 us, 9 x 500 us, 1 x 5 ms per repetition (shown to the
  // histogram's precision); CPU 8, 9, 10 us.
  EXPECT_TRUE(has(md, "| rust-style | 16 | 100000 (99000-101000) | 50.0 | 50.0 | 500 | 5000 | 9.00 | 20.0 | 0 | 0 |  |"))
      << md;
  EXPECT_TRUE(has(md, "| rust-style | 64 | 120000 (118800-121200) |"));
  EXPECT_TRUE(has(md, "| go-style | 16 | 80000 (79200-80800) | 80.1 | 80.1 | 800 | 8000 | 12.5 | 40.0 | 3.50 | 3 |  |"))
      << md;
  EXPECT_TRUE(has(md, "| \\<x&y> | 16 | 50000 (45000-60000) |"));
  EXPECT_TRUE(has(md, "| 0 | noisy |")) << "<x&y>'s repetitions disagree by 30%";
  EXPECT_TRUE(has(md, "| not counted |")) << "<x&y> ran without the allocation counter";
  EXPECT_TRUE(has(md, "| server | connections | requests/s median (min-max) | p50 us | p99 us | p99.9 us | max us | "
                      "CPU us/request | peak RSS MiB | allocations/request | errors | noisy |"));
}

TEST(Markdown, SkippedFailedAndIdleCellsHaveTheirOwnTables) {
  std::string md = markdown_of();
  EXPECT_TRUE(has(md, "| go-style | cache | 64 | failed | exited (exit 1) before ready | exit 1 |")) << md;
  EXPECT_TRUE(has(md, "| \\<x&y> | cache | 64 | skipped | does not serve route '/cache' |  |"));
  EXPECT_TRUE(has(md, "## Idle connections"));
  EXPECT_TRUE(has(md, "| rust-style | idle-1k | 1000 | 1000 | 10.0 | 12.0 | 2.0 KiB |")) << md;
  EXPECT_TRUE(has(md, "| go-style | idle-1k | 1000 | 1000 | 10.0 | 17.8 | 8.0 KiB |"));
  EXPECT_FALSE(has(md, "## Workload idle-1k")) << "idle cells have no load numbers";
}

TEST(Markdown, InterruptedRunSaysSoAtTheTop) {
  std::string md = markdown_of({.complete = false});
  EXPECT_LT(md.find("**Interrupted run**"), md.find("## Environment"));
  EXPECT_TRUE(has(md, "\"complete\": false"));
}

TEST(Markdown, ASweepWorkloadGetsItsTableOfMaximaWithinTheSlo) {
  ar::RunData run;
  ar::CellData cell;
  cell.server = "rust-style";
  cell.workload = "json-sweep";
  cell.connections = 64;
  cell.status = ar::CellStatus::ok;
  cell.sweep = ar::SweepData{12000, 9000, {}};
  cell.sweep->steps.resize(3);
  cell.sweep->steps[0].met = cell.sweep->steps[1].met = true;
  run.cells = {cell, cell};
  run.cells[1].server = "go-style";
  run.cells[1].sweep->max_rate.reset();

  const ar::Table t = ar::sweep_table(run, "json-sweep");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0][0], "rust-style");
  EXPECT_EQ(t.rows[0][3], "3");
  EXPECT_EQ(t.rows[0][4], "2");
  EXPECT_EQ(t.rows[1].back(), "none met");
  EXPECT_TRUE(ar::sweep_table(run, "json").rows.empty());
  const std::string md = ar::render_markdown(run);
  EXPECT_NE(md.find("## Workload json-sweep"), std::string::npos) << md;
  EXPECT_NE(md.find("none met"), std::string::npos) << md;
}
