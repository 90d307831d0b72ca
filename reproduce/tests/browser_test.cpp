// claims.html as a browser sees it: headless Chromium loads it offline and dumps the
// DOM, which must hold the charts and the tables (the approach of report/tests).
#include <gtest/gtest.h>

#include <fmt/format.h>
#include <fstream>

#include "report/subprocess.hpp"
#include "reproduce/claims_charts.hpp"
#include "reproduce/reproduce.hpp"
#include "reproduce/tests/made_up_run.hpp"

namespace rp = apibench::reproduce;
namespace ar = apibench::report;

namespace {

std::size_t count(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(ClaimsBrowser, ChromiumRendersTheChartsAndTablesOffline) {
  ar::TempDir dir("reproduce-html");
  ar::TempDir scratch("reproduce-browser");
  const apibench::report::RunData run = apibench::report::run_from_json(rp::testing::four_server_run());
  const rp::ReproduceConfig config = rp::default_config();
  const rp::ClaimsReport report = rp::build_claims_report(run, {}, config, {});
  rp::write_claims_files(dir.path(), report);
  const std::string html = [&] {
    std::ifstream in(dir.path() / "claims.html");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  EXPECT_EQ(html.find("http://"), std::string::npos) << "self-contained: no URL";
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);

  ar::ProgramResult r = ar::run_program(
      {"chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
       "--disable-component-update", "--disable-sync", "--no-first-run",
       fmt::format("--user-data-dir={}", (scratch.path() / "profile").string()), "--dump-dom",
       fmt::format("file://{}", (dir.path() / "claims.html").string())},
      scratch.path(), std::chrono::seconds(90));
  ASSERT_TRUE(r.started) << "chromium is not installed (" << r.errors << "): run scripts/setup.sh";
  ASSERT_FALSE(r.timed_out);
  ASSERT_EQ(r.exit_code, 0) << r.errors;
  const std::size_t planned = rp::plan_claim_charts(report).size();
  EXPECT_GE(planned, 4u);
  EXPECT_EQ(count(r.output, "<svg"), planned);
  EXPECT_GE(count(r.output, "<table"), 10u);
  EXPECT_EQ(r.output.find("Not drawn"), std::string::npos) << "every planned chart is drawn";
  EXPECT_NE(r.output.find("class=\"verdict holds\""), std::string::npos);
  EXPECT_NE(r.output.find("Claims no benchmark can settle"), std::string::npos);
}
