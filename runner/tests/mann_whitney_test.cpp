#include "runner/mann_whitney.hpp"

#include <gtest/gtest.h>

namespace ar = apibench::runner;

TEST(MannWhitney, ExactSmallSamplesMatchTables) {
  auto r = ar::mann_whitney_u({1, 2, 3}, {4, 5, 6});
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(r.u, 0);
  EXPECT_NEAR(r.p_value, 0.1, 1e-12);
  EXPECT_NEAR(ar::mann_whitney_u({1, 2, 3, 4, 5}, {6, 7, 8, 9, 10}).p_value, 2.0 / 252, 1e-12);
  EXPECT_NEAR(ar::mann_whitney_u({6, 7, 8, 9, 10}, {1, 2, 3, 4, 5}).p_value, 2.0 / 252, 1e-12);
  EXPECT_NEAR(ar::mann_whitney_u({1, 3, 5}, {2, 4, 6}).p_value, 0.7, 1e-12);
  EXPECT_NEAR(ar::smallest_possible_p(3, 3), 0.1, 1e-12);
}

TEST(MannWhitney, TiesUseTheCorrectedNormalApproximation) {
  auto r = ar::mann_whitney_u({1, 1, 2, 2}, {3, 3, 4, 4});
  EXPECT_FALSE(r.exact);
  EXPECT_NEAR(r.p_value, 0.0265, 1e-3);  // scipy.stats.mannwhitneyu(method="asymptotic")
  EXPECT_EQ(ar::mann_whitney_u({5, 5, 5}, {5, 5, 5}).p_value, 1);
}
