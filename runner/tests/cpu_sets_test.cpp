#include "runner/cpu_sets.hpp"

#include <gtest/gtest.h>

namespace ar = apibench::runner;

TEST(CpuList, Parses) {
  EXPECT_EQ(ar::parse_cpu_list("0"), (std::vector<int>{0}));
  EXPECT_EQ(ar::parse_cpu_list("0-3"), (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(ar::parse_cpu_list("5,1-2,1"), (std::vector<int>{1, 2, 5}));
  EXPECT_EQ(ar::format_cpu_list({1, 2, 5}), "1,2,5");
}

TEST(CpuList, RejectsGarbage) {
  for (const char* bad : {"", "a", "1-", "-1", "3-1", "1,", ",1", "1,,2", "99999"}) {
    EXPECT_THROW(ar::parse_cpu_list(bad), std::invalid_argument) << bad;
  }
}

TEST(Pinning, TwoCpusSplitOneEach) {
  auto p = ar::choose_pinning({0, 1}, {}, {});
  EXPECT_EQ(p.server, (std::vector<int>{0}));
  EXPECT_EQ(p.load, (std::vector<int>{1}));
  EXPECT_TRUE(p.warnings.empty());
}

TEST(Pinning, ManyCpusSplitInHalves) {
  auto p = ar::choose_pinning({0, 1, 2, 3, 4, 5, 6, 7}, {}, {});
  EXPECT_EQ(p.server, (std::vector<int>{0, 1, 2, 3}));
  EXPECT_EQ(p.load, (std::vector<int>{4, 5, 6, 7}));
}

TEST(Pinning, OneCpuSharesAndWarns) {
  auto p = ar::choose_pinning({0}, {}, {});
  EXPECT_EQ(p.server, p.load);
  ASSERT_EQ(p.warnings.size(), 1u);
  EXPECT_NE(p.warnings[0].find("share"), std::string::npos);
}

TEST(Pinning, ExplicitListsWin) {
  auto p = ar::choose_pinning({0, 1, 2, 3}, {3}, {0, 3});
  EXPECT_EQ(p.server, (std::vector<int>{3}));
  EXPECT_EQ(p.load, (std::vector<int>{0, 3}));
  EXPECT_EQ(p.warnings.size(), 1u);
}
