#include <gtest/gtest.h>

#include <cmath>

#include "reproduce/decomposition.hpp"

namespace rp = apibench::reproduce;

TEST(Decomposition, FractionIsTheShareOfTheLogGap) {
  EXPECT_DOUBLE_EQ(*rp::reproduced_fraction(4, 2), 0.5);
  EXPECT_DOUBLE_EQ(*rp::reproduced_fraction(0.5, 0.5), 1.0);
  EXPECT_DOUBLE_EQ(*rp::reproduced_fraction(0.25, 0.5), 0.5);
  EXPECT_DOUBLE_EQ(*rp::reproduced_fraction(2, 0.5), -1.0);
  EXPECT_DOUBLE_EQ(*rp::reproduced_fraction(2, 1), 0.0);
  EXPECT_NEAR(*rp::reproduced_fraction(2, 8), 3.0, 1e-12);
}

TEST(Decomposition, NoFractionWithoutARealGapOrWithBadRatios) {
  EXPECT_FALSE(rp::reproduced_fraction(1.02, 3));
  EXPECT_FALSE(rp::reproduced_fraction(0, 3));
  EXPECT_FALSE(rp::reproduced_fraction(2, 0));
  EXPECT_FALSE(rp::reproduced_fraction(2, -1));
  EXPECT_FALSE(rp::reproduced_fraction(INFINITY, 2));
}

namespace {

// go-nethttp's samples vary; the other three are fixed: 10, 20 and 12.
rp::MetricRow four_servers(const char* metric, std::vector<double> nethttp) {
  rp::MetricRow row;
  row.metric = metric;
  row.unit = "us";
  row.values = {{"rust-style", {10}, ""}, {"go-style", {20}, ""}, {"rust-hyper", {12}, ""}, {"go-nethttp", std::move(nethttp), ""}};
  return row;
}

}  // namespace

TEST(Decomposition, RowsNeedAllFourServers) {
  rp::ClaimResult claim;
  claim.number = 1;
  claim.rows = {four_servers("CPU", {48}), four_servers("allocations", {})};
  const rp::Decomposition d = rp::decompose({claim}, rp::default_config());
  ASSERT_EQ(d.pairs.size(), 1u) << "the other real pairs have no value: no table for them";
  ASSERT_EQ(d.pairs[0].rows.size(), 1u);
  EXPECT_EQ(d.pairs[0].real_rust, "rust-hyper");
  EXPECT_EQ(d.pairs[0].real_go, "go-nethttp");
  EXPECT_DOUBLE_EQ(d.pairs[0].rows[0].real_ratio, 0.25);
  EXPECT_DOUBLE_EQ(d.pairs[0].rows[0].design_ratio, 0.5);
  EXPECT_DOUBLE_EQ(*d.pairs[0].rows[0].fraction, 0.5);
}
