// The stability figure: the share of bootstrap resamples of the repetitions that give the
// same verdict, on samples with known answers.
#include <gtest/gtest.h>

#include "reproduce/stability.hpp"
#include "reproduce/verdict.hpp"

namespace rp = apibench::reproduce;

namespace {

// The figure of a lower-is-better pair verdict on these samples, as rows.cpp computes it.
rp::Stability pair_stability(const std::vector<double>& favoured, const std::vector<double>& other,
                             const rp::BootstrapPlan& plan = {}) {
  std::string detail;
  const rp::Verdict verdict = rp::judge_pair({"a", favoured, ""}, {"b", other, ""}, {}, detail);
  return rp::verdict_stability(
      {favoured, other},
      [&](const auto& resampled) {
        std::string ignored;
        return rp::judge_pair({"a", resampled[0], ""}, {"b", resampled[1], ""}, {}, ignored) == verdict;
      },
      plan);
}

// Sixteen values of one distribution, 100 + 2k for k = 1..16, split into two sets whose
// ranks happen to give p = 0.038: "holds" by the arrangement of the draw, not by a difference.
const std::vector<double> kChanceLow = {102, 104, 106, 110, 112, 116, 120, 126};
const std::vector<double> kChanceHigh = {108, 114, 118, 122, 124, 128, 130, 132};

}  // namespace

TEST(Stability, ClearSeparationGivesOne) {
  const rp::Stability s = pair_stability({10, 10.1, 9.9, 10.05}, {20, 20.2, 19.8, 20.1});
  ASSERT_TRUE(s.agreement);
  EXPECT_DOUBLE_EQ(*s.agreement, 1.0);
  EXPECT_TRUE(s.firm());
  EXPECT_EQ(s.text(), "1.00");
}

TEST(Stability, AVerdictDrawnFromOneDistributionIsNotFirm) {
  std::string detail;
  ASSERT_EQ(rp::judge_pair({"a", kChanceLow, ""}, {"b", kChanceHigh, ""}, {}, detail), rp::Verdict::holds) << detail;
  const rp::Stability s = pair_stability(kChanceLow, kChanceHigh);
  ASSERT_TRUE(s.agreement);
  EXPECT_LT(*s.agreement, 0.75);  // about half the resamples lose the verdict
  EXPECT_FALSE(s.firm());
}

TEST(Stability, IdenticalSamplesAreFirmlyInconclusive) {
  // The figure is about the verdict: the same values on both sides stay inconclusive in nearly every resample.
  const std::vector<double> same = {10, 11, 12, 13, 14, 15};
  std::string detail;
  ASSERT_EQ(rp::judge_pair({"a", same, ""}, {"b", same, ""}, {}, detail), rp::Verdict::inconclusive);
  const rp::Stability s = pair_stability(same, same);
  ASSERT_TRUE(s.agreement);
  EXPECT_GT(*s.agreement, 0.8);
}

TEST(Stability, TheSeedMakesItRepeatable) {
  const rp::Stability once = pair_stability(kChanceLow, kChanceHigh), again = pair_stability(kChanceLow, kChanceHigh);
  EXPECT_EQ(once.agreement, again.agreement);
  const rp::Stability other_seed = pair_stability(kChanceLow, kChanceHigh, {1000, 7});
  EXPECT_NE(once.agreement, other_seed.agreement) << "another seed draws other resamples";
  EXPECT_EQ(pair_stability(kChanceLow, kChanceHigh, {1000, 7}).agreement, other_seed.agreement);
}

TEST(Stability, CountsEveryResample) {
  int calls = 0;
  const rp::Stability s = rp::verdict_stability({{1, 2, 3, 4}}, [&](const auto& resampled) {
    ++calls;
    EXPECT_EQ(resampled.at(0).size(), 4u);
    return calls % 4 == 0;
  }, {200, 1});
  EXPECT_EQ(calls, 200);
  EXPECT_DOUBLE_EQ(*s.agreement, 0.25);
}

TEST(Stability, SingleMeasurementsAndMissingValuesGetNoFigure) {
  auto never_called = [](const auto&) -> bool { throw std::logic_error("resampled a single measurement"); };
  const rp::Stability single = rp::verdict_stability({{100}, {130}}, never_called);
  EXPECT_FALSE(single.agreement);
  EXPECT_EQ(single.text(), "- (single measurement: nothing to resample)");
  EXPECT_FALSE(single.firm());
  const rp::Stability missing = rp::verdict_stability({{1, 2, 3, 4}, {}}, never_called);
  EXPECT_FALSE(missing.agreement);
  EXPECT_EQ(missing.why_none, "not measured");
}
