#include "report/report.hpp"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <fstream>
#include <regex>

#include "report/subprocess.hpp"
#include "report/tests/synthetic_run.hpp"

namespace ar = apibench::report;
namespace fs = std::filesystem;
using ar::testing::kSyntheticChartCount;
using ar::testing::read_file;
using ar::testing::write_synthetic_run;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

std::string html_report(const ar::testing::SyntheticOptions& options = {}) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path(), options);
  ar::write_reports(dir.path());
  return read_file(dir.path() / "report.html");
}

// Restores PATH when the test ends, however it ends.
struct PathOverride {
  std::string saved = ::getenv("PATH") ? ::getenv("PATH") : "";
  explicit PathOverride(const std::string& path) { ::setenv("PATH", path.c_str(), 1); }
  ~PathOverride() { ::setenv("PATH", saved.c_str(), 1); }
};

}  // namespace

TEST(WriteReports, WritesAllThreeFilesAtomically) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  ar::ReportOutcome outcome = ar::write_reports(dir.path());
  EXPECT_EQ(outcome.written.size(), 3u);
  for (const char* name : {"report.md", "summary.csv", "report.html"}) {
    EXPECT_TRUE(fs::is_regular_file(dir.path() / name)) << name;
    EXPECT_FALSE(fs::exists(dir.path() / (std::string(name) + ".tmp"))) << name;
  }
  EXPECT_TRUE(outcome.notes.empty()) << outcome.notes.front();
}

TEST(WriteReports, WrongSchemaThrowsAndWritesNothing) {
  ar::TempDir dir("report-test");
  nlohmann::json doc = write_synthetic_run(dir.path());
  doc["schema"] = "apibench.run/9";
  std::ofstream(dir.path() / "run.json") << doc.dump();
  EXPECT_THROW(ar::write_reports(dir.path()), std::runtime_error);
  EXPECT_FALSE(fs::exists(dir.path() / "report.html"));
}

TEST(Html, IsSelfContained) {
  std::string html = html_report();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  const std::regex external(R"re((src|href)\s*=\s*["']?\s*(https?:)?//)re", std::regex::icase);
  EXPECT_FALSE(std::regex_search(html, external)) << "no external src/href";
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(count(html, "<style>"), 1u);
}

TEST(Html, EscapesNamesFromRunJson) {
  std::string html = html_report();
  EXPECT_EQ(html.find("<x&y>"), std::string::npos) << "a server name must never become markup";
  EXPECT_NE(html.find("<td>&lt;x&amp;y&gt;</td>"), std::string::npos);
  EXPECT_NE(html.find("does not serve route &#39;/cache&#39;"), std::string::npos);
}

TEST(Html, HasTheTablesAndOneInlineSvgPerChart) {
  std::string html = html_report();
  EXPECT_EQ(count(html, "<svg"), static_cast<std::size_t>(kSyntheticChartCount));
  EXPECT_EQ(count(html, "</svg>"), static_cast<std::size_t>(kSyntheticChartCount));
  EXPECT_EQ(count(html, "<figure>"), static_cast<std::size_t>(kSyntheticChartCount));
  // environment, json, cache, idle, skipped/failed
  EXPECT_EQ(count(html, "<table"), 5u);
  EXPECT_NE(html.find("<td class=\"num\">100000 (99000-101000)</td>"), std::string::npos);
  EXPECT_NE(html.find("<td class=\"flag\">noisy</td>"), std::string::npos);
  EXPECT_NE(html.find("0123456789abcdef (dirty: uncommitted changes)"), std::string::npos);
  EXPECT_EQ(html.find("Interrupted run"), std::string::npos);
}

TEST(Html, InterruptedRunHasABanner) {
  std::string html = html_report({.complete = false});
  EXPECT_NE(html.find("class=\"banner interrupted\">Interrupted run"), std::string::npos);
}

TEST(Html, WithoutGnuplotTheTablesRemainAndTheReaderIsTold) {
  ar::TempDir dir("report-test");
  ar::TempDir empty_path("report-test-path");
  write_synthetic_run(dir.path());
  ar::ReportOutcome outcome;
  {
    PathOverride no_programs(empty_path.path().string());
    outcome = ar::write_reports(dir.path());
  }
  std::string html = read_file(dir.path() / "report.html");
  EXPECT_EQ(count(html, "<svg"), 0u);
  EXPECT_EQ(count(html, "<table"), 5u);
  EXPECT_NE(html.find("Charts need gnuplot"), std::string::npos);
  ASSERT_FALSE(outcome.notes.empty());
  EXPECT_NE(outcome.notes.back().find("scripts/setup.sh"), std::string::npos) << outcome.notes.back();
}
