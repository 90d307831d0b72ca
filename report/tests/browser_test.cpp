// report.html as a browser sees it: headless Chromium loads the file offline and
// dumps the DOM it built, which must hold the charts and the tables.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "report/report.hpp"
#include "report/subprocess.hpp"
#include "report/tests/synthetic_run.hpp"

namespace ar = apibench::report;
using ar::testing::kSyntheticChartCount;

namespace {

constexpr std::chrono::seconds kBrowserTimeLimit{90};

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

ar::ProgramResult dump_dom(const std::filesystem::path& page, const ar::TempDir& scratch) {
  const auto profile = scratch.path() / "profile";
  return ar::run_program({"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                          "--disable-component-update", "--disable-sync", "--no-first-run",
                          fmt::format("--user-data-dir={}", profile.string()), "--dump-dom",
                          fmt::format("file://{}", page.string())},
                         scratch.path(), kBrowserTimeLimit);
}

}  // namespace

TEST(Browser, ChromiumRendersTheChartsAndTables) {
  ar::TempDir dir("report-test");
  ar::TempDir scratch("report-test-browser");
  ar::testing::write_synthetic_run(dir.path());
  ar::write_reports(dir.path());
  ar::ProgramResult r = dump_dom(dir.path() / "report.html", scratch);
  ASSERT_TRUE(r.started) << "chromium is not installed (" << r.errors << "): run scripts/setup.sh";
  ASSERT_FALSE(r.timed_out) << "chromium did not finish within 90 s";
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  const std::string& dom = r.output;
  EXPECT_EQ(count(dom, "<svg"), static_cast<std::size_t>(kSyntheticChartCount)) << dom.substr(0, 2000);
  EXPECT_EQ(count(dom, "<table"), 5u);
  EXPECT_NE(dom.find("<td>&lt;x&amp;y&gt;</td>"), std::string::npos) << "escaped text stays text in the DOM";
  EXPECT_EQ(dom.find("<x&y>"), std::string::npos);
  EXPECT_NE(dom.find("Requests per second by connections"), std::string::npos);
}
