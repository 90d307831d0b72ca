#include "histogram/hgrm.hpp"

#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace apibench {
namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(Hgrm, HasHdrHistogramShape) {
  LatencyHistogram h;
  for (std::uint64_t v = 1; v <= 10'000; ++v) h.record(v * 1000);  // 1 us .. 10 ms
  const auto lines = lines_of(to_hgrm(h));
  ASSERT_GT(lines.size(), 10u);
  EXPECT_EQ(lines[0], "       Value     Percentile TotalCount 1/(1-Percentile)");
  EXPECT_EQ(lines[1], "");
  EXPECT_EQ(lines[2], "    0.001000 0.000000000000          1           1.00");

  double last_value = -1, last_percentile = -1;
  std::uint64_t last_count = 0;
  std::size_t rows = 0;
  for (std::size_t i = 2; i < lines.size() && lines[i][0] != '#'; ++i, ++rows) {
    std::istringstream row(lines[i]);
    double value = 0, percentile = 0;
    std::uint64_t count = 0;
    ASSERT_TRUE(row >> value >> percentile >> count) << lines[i];
    EXPECT_GE(value, last_value);
    EXPECT_GT(percentile, last_percentile);
    EXPECT_GE(count, last_count);
    last_value = value, last_percentile = percentile, last_count = count;
  }
  EXPECT_GT(rows, 50u);
  EXPECT_EQ(last_percentile, 1.0);
  EXPECT_EQ(last_count, 10'000u);
  EXPECT_DOUBLE_EQ(last_value, 10.0);

  ASSERT_EQ(lines.size(), rows + 2 + 3);
  EXPECT_EQ(lines[lines.size() - 3].rfind("#[Mean    =", 0), 0u);
  EXPECT_NE(lines[lines.size() - 3].find(", StdDeviation   ="), std::string::npos);
  EXPECT_EQ(lines[lines.size() - 2], "#[Max     =    10.000000, Total count    =        10000]");
  EXPECT_EQ(lines[lines.size() - 1], "#[Buckets =           26, SubBuckets     =         2048]");
}

TEST(Hgrm, RowsBeforeTheLastHaveTheInvertedPercentileColumn) {
  LatencyHistogram h;
  for (std::uint64_t v = 1; v <= 1000; ++v) h.record(v * 1000);
  const auto lines = lines_of(to_hgrm(h));
  const std::string& first_row = lines[2];
  EXPECT_NE(first_row.find("1.00"), std::string::npos);
  const std::string& last_row = lines[lines.size() - 4];
  std::istringstream row(last_row);
  std::string a, b, c, d;
  row >> a >> b >> c;
  EXPECT_FALSE(row >> d) << "the 100% row has three columns: " << last_row;
}

TEST(Hgrm, EmptyHistogramHasHeaderAndFooterOnly) {
  const auto lines = lines_of(to_hgrm(LatencyHistogram{}));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[2].rfind("#[Mean", 0), 0u);
}

}  // namespace
}  // namespace apibench
