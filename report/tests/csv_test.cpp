#include "report/csv.hpp"

#include <gtest/gtest.h>

#include "report/subprocess.hpp"
#include "report/tests/synthetic_run.hpp"

namespace ar = apibench::report;
using ar::testing::write_synthetic_run;

namespace {

using Row = std::vector<std::string>;

// RFC 4180, enough to read back what render_csv writes.
std::vector<Row> parse_csv(const std::string& text) {
  std::vector<Row> rows(1, Row(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') rows.back().back() += text[++i];
      else if (ch == '"') quoted = false;
      else rows.back().back() += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      rows.back().emplace_back();
    } else if (ch == '\n') {
      rows.emplace_back(1);
    } else {
      rows.back().back() += ch;
    }
  }
  if (rows.back() == Row(1)) rows.pop_back();
  return rows;
}

std::size_t column(const Row& header, const std::string& name) {
  auto it = std::find(header.begin(), header.end(), name);
  EXPECT_NE(it, header.end()) << name;
  return static_cast<std::size_t>(it - header.begin());
}

}  // namespace

TEST(Csv, OneRowPerCellWhoseNumbersReadBackExactly) {
  ar::TempDir dir("report-test");
  nlohmann::json doc = write_synthetic_run(dir.path());
  auto rows = parse_csv(ar::render_csv(ar::load_run(dir.path())));
  ASSERT_EQ(rows.size(), 1 + doc["cells"].size());
  const Row& header = rows[0];
  for (std::size_t i = 1; i < rows.size(); ++i) {
    ASSERT_EQ(rows[i].size(), header.size()) << "row " << i;
    const auto& cell = doc["cells"][i - 1];
    EXPECT_EQ(rows[i][column(header, "server")], cell["server"]);
    EXPECT_EQ(rows[i][column(header, "workload")], cell["workload"]);
    EXPECT_EQ(std::stoul(rows[i][column(header, "connections")]), cell["connections"]);
    EXPECT_EQ(rows[i][column(header, "status")], cell["status"]);
    if (!cell.contains("summary")) {
      EXPECT_EQ(rows[i][column(header, "requests_per_second_median")], "");
      continue;
    }
    for (const char* metric : {"requests_per_second", "p50_us", "p99_us", "p999_us", "max_us", "cpu_us_per_request",
                               "rss_peak_mib"}) {
      for (const char* stat : {"median", "min", "max"}) {
        const std::string name = std::string(metric) + "_" + stat;
        EXPECT_EQ(std::stod(rows[i][column(header, name)]), cell["summary"][metric][stat].get<double>()) << name;
      }
    }
    EXPECT_EQ(std::stoull(rows[i][column(header, "errors")]), cell["summary"]["errors"]);
    EXPECT_EQ(rows[i][column(header, "noisy")], cell["summary"]["noisy"].get<bool>() ? "true" : "false");
  }
}

TEST(Csv, SkippedFailedAndIdleCellsKeepTheirReasonAndMemory) {
  ar::TempDir dir("report-test");
  write_synthetic_run(dir.path());
  auto rows = parse_csv(ar::render_csv(ar::load_run(dir.path())));
  const Row& header = rows[0];
  EXPECT_EQ(rows[8][column(header, "error")], "exited (exit 1) before ready");
  EXPECT_EQ(rows[9][column(header, "status")], "skipped");
  EXPECT_EQ(rows[9][column(header, "server")], "<x&y>");
  EXPECT_EQ(rows[10][column(header, "idle_rss_per_connection_bytes")], "2048");
  EXPECT_EQ(rows[1][column(header, "allocations_per_request_median")], "0");
  EXPECT_EQ(rows[5][column(header, "allocations_per_request_median")], "") << "<x&y> was not counted";
}

TEST(Csv, FieldsWithCommasQuotesOrNewlinesAreQuoted) {
  EXPECT_EQ(ar::csv_field("plain"), "plain");
  EXPECT_EQ(ar::csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(ar::csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(parse_csv(ar::csv_field("x,\"y\"\nz") + "\n")[0][0], "x,\"y\"\nz");
}
