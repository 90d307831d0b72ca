// Verdicts on made-up samples with known answers: a clear win, a clear loss, noise.
#include <gtest/gtest.h>

#include "reproduce/verdict.hpp"

namespace rp = apibench::reproduce;

namespace {

rp::ServerValue value(const char* server, std::vector<double> samples) { return {server, std::move(samples), ""}; }

rp::Verdict pair(const std::vector<double>& favoured, const std::vector<double>& other, rp::PairRule rule = {}) {
  std::string detail;
  return rp::judge_pair(value("a", favoured), value("b", other), rule, detail);
}

}  // namespace

TEST(Verdict, ClearWinHolds) {
  // 4 against 4, ranges apart: the exact test's best case, p = 0.029.
  std::string detail;
  EXPECT_EQ(rp::judge_pair(value("a", {10, 10.1, 9.9, 10.05}), value("b", {20, 20.2, 19.8, 20.1}), {}, detail),
            rp::Verdict::holds);
  EXPECT_NE(detail.find("p = 0.029 (4 vs 4 repetitions)"), std::string::npos) << detail;
}

TEST(Verdict, ClearLossDoesNotHold) {
  EXPECT_EQ(pair({20, 20.2, 19.8, 20.1}, {10, 10.1, 9.9, 10.05}), rp::Verdict::does_not_hold);
}

TEST(Verdict, ThreeAgainstThreeCannotDecideEvenWithRangesApart) {
  std::string detail;
  EXPECT_EQ(rp::judge_pair(value("a", {10, 10.1, 9.9}), value("b", {20, 20.2, 19.8}), {}, detail),
            rp::Verdict::inconclusive);
  EXPECT_NE(detail.find("3 vs 3 repetitions cannot reach p < 0.05; 4 or more each are needed"), std::string::npos)
      << detail;
  // Ties make the runner use the normal approximation, which would give p = 0.047 here: the count decides first.
  EXPECT_EQ(pair({20, 20, 20}, {10, 10, 10}), rp::Verdict::inconclusive);
  EXPECT_EQ(pair({20, 20.2, 19.8, 20.1}, {10, 10.1, 9.9}), rp::Verdict::inconclusive);  // 4 vs 3: p >= 0.057
}

TEST(Verdict, UnevenCountsDecideWhenTheTestCanReachTheLevel) {
  // 3 against 10 can reach p = 0.007: the count rule is the test's reach, not a fixed minimum per side.
  EXPECT_EQ(pair({10, 10.1, 9.9}, {20, 20.1, 20.2, 20.3, 20.4, 20.5, 20.6, 20.7, 20.8, 20.9}), rp::Verdict::holds);
}

TEST(Verdict, OverlappingRepetitionsAreInconclusive) {
  EXPECT_EQ(pair({10, 12, 9, 11}, {11, 13, 10, 12.5}), rp::Verdict::inconclusive);
}

TEST(Verdict, ApartButTinyDifferenceIsInconclusive) {
  std::string detail;
  EXPECT_EQ(rp::judge_pair(value("a", {10, 10.01, 10.02, 10.03}), value("b", {10.2, 10.21, 10.22, 10.23}), {}, detail),
            rp::Verdict::inconclusive);
  EXPECT_NE(detail.find("under the 5% minimal effect"), std::string::npos) << detail;
}

TEST(Verdict, HigherIsBetterFlipsTheDirection) {
  EXPECT_EQ(pair({2000, 2010, 1990, 2005}, {1000, 1010, 990, 1005}, {false, 0.05, 0.15}), rp::Verdict::holds);
  EXPECT_EQ(pair({1000, 1010, 990, 1005}, {2000, 2010, 1990, 2005}, {false, 0.05, 0.15}), rp::Verdict::does_not_hold);
}

TEST(Verdict, ManyRepetitionsUseTheTestNotJustTheRanges) {
  // Ranges overlap (one outlier) but the ranks are clearly apart: p < 0.05 with 8 vs 8.
  std::vector<double> fast = {10, 10.1, 10.2, 10.3, 10.4, 10.5, 10.6, 30};
  std::vector<double> slow = {20, 20.1, 20.2, 20.3, 20.4, 20.5, 20.6, 20.7};
  EXPECT_EQ(pair(fast, slow), rp::Verdict::holds);
}

TEST(Verdict, SingleMeasurementsNeedTheMargin) {
  EXPECT_EQ(pair({100}, {130}), rp::Verdict::holds);
  EXPECT_EQ(pair({100}, {110}), rp::Verdict::inconclusive);
  EXPECT_EQ(pair({130}, {100}), rp::Verdict::does_not_hold);
}

TEST(Verdict, MissingValueIsNotMeasuredWithTheReason) {
  std::string detail;
  rp::ServerValue missing{"go-nethttp", {}, "not countable"};
  EXPECT_EQ(rp::judge_pair(value("a", {1, 2, 3}), missing, {}, detail), rp::Verdict::not_measured);
  EXPECT_NE(detail.find("not countable"), std::string::npos);
}

TEST(Verdict, EqualZerosDoNotHold) {
  EXPECT_EQ(pair({0}, {0}), rp::Verdict::does_not_hold);
}

TEST(Threshold, AllSidesOfTheBar) {
  std::string detail;
  const rp::ThresholdRule at_least{rp::Bound::at_least, 1e6};
  EXPECT_EQ(rp::judge_threshold(value("s", {2e6}), at_least, detail), rp::Verdict::holds);
  EXPECT_EQ(rp::judge_threshold(value("s", {5e5}), at_least, detail), rp::Verdict::does_not_hold);
  EXPECT_EQ(rp::judge_threshold(value("s", {5e5, 2e6, 1.5e6}), at_least, detail), rp::Verdict::inconclusive);
  EXPECT_EQ(rp::judge_threshold(value("s", {2e6, 3e6, 2.5e6, 2.2e6}), at_least, detail), rp::Verdict::holds);
  EXPECT_EQ(rp::judge_threshold(value("s", {5e5, 4e5, 6e5, 5.5e5}), at_least, detail), rp::Verdict::does_not_hold);
  const rp::ThresholdRule at_most{rp::Bound::at_most, 0};
  EXPECT_EQ(rp::judge_threshold(value("s", {0}), at_most, detail), rp::Verdict::holds);
  EXPECT_EQ(rp::judge_threshold(value("s", {3}), at_most, detail), rp::Verdict::does_not_hold);
  EXPECT_EQ(rp::judge_threshold(value("s", {}), at_most, detail), rp::Verdict::not_measured);
}

TEST(Threshold, ThreeRepetitionsOnOneSideCannotDecideABar) {
  std::string detail;
  const rp::ThresholdRule at_least{rp::Bound::at_least, 1e6};
  EXPECT_EQ(rp::judge_threshold(value("s", {2e6, 3e6, 2.5e6}), at_least, detail), rp::Verdict::inconclusive);
  EXPECT_NE(detail.find("3 repetitions cannot decide a bar; 4 or more are needed"), std::string::npos) << detail;
  EXPECT_EQ(rp::judge_threshold(value("s", {5e5, 4e5, 6e5}), at_least, detail), rp::Verdict::inconclusive);
}
