// When a group of side-by-side cells has evidence enough: pairs that differ by
// the minimal effect need p < 0.05 in the exact test; pairs within it are settled.
#include "runner/evidence.hpp"

#include <gtest/gtest.h>

namespace ar = apibench::runner;

namespace {

// A cell whose repetitions served 1,000 requests/s at these CPU us/request.
ar::CellResult cell(const std::string& server, const std::vector<double>& cpu_us) {
  ar::CellResult c(server, "json", 64);
  c.ok = true;
  for (double cpu : cpu_us) {
    ar::Repetition r;
    r.load.requests = 1000;
    r.load.elapsed = std::chrono::seconds(1);
    r.server.cpu_us_per_request = cpu;
    c.repetitions.push_back(std::move(r));
  }
  return c;
}

}  // namespace

TEST(Evidence, ThreeAgainstThreeFarApartIsStillUndecided) {
  // The exact test cannot go below p = 0.1 with 3 against 3, however far apart.
  const auto a = cell("a", {5, 5.1, 5.2}), b = cell("b", {10, 10.1, 10.2});
  const auto undecided = ar::undecided_pairs({&a, &b});
  ASSERT_EQ(undecided.size(), 1u);
  EXPECT_EQ(undecided[0].a, "a");
  EXPECT_EQ(undecided[0].b, "b");
  EXPECT_EQ(undecided[0].text, "a vs b: CPU us/request differs by 98%, p = 0.10");
}

TEST(Evidence, FourAgainstFourApartIsDecided) {
  const auto a = cell("a", {5, 5.1, 5.2, 5.3}), b = cell("b", {10, 10.1, 10.2, 10.3});
  EXPECT_TRUE(ar::undecided_pairs({&a, &b}).empty());  // p = 0.029
}

TEST(Evidence, PairsWithinTheMinimalEffectAreSettledWhateverTheTest) {
  const auto a = cell("a", {10, 10.1, 10.2}), b = cell("b", {10.2, 10.3, 10.4});  // about 2% apart
  EXPECT_TRUE(ar::undecided_pairs({&a, &b}).empty());
}

TEST(Evidence, OverlappingSamplesPastTheMinimalEffectAreUndecided) {
  const auto a = cell("a", {10, 14, 10.5, 13, 11}), b = cell("b", {12, 10.2, 13.5, 12.5, 14.5});
  ASSERT_EQ(ar::undecided_pairs({&a, &b}).size(), 1u);
}

TEST(Evidence, FailedAndEmptyCellsTakeNoPart) {
  auto a = cell("a", {5, 5.1, 5.2}), b = cell("b", {10, 10.1, 10.2});
  b.ok = false;
  const ar::CellResult empty("c", "json", 64);
  EXPECT_TRUE(ar::undecided_pairs({&a, &b, &empty}).empty());
}

TEST(Evidence, EveryPairOfAGroupIsJudged) {
  const auto a = cell("a", {5, 5.1, 5.2}), b = cell("b", {10, 10.1, 10.2}), c = cell("c", {20, 20.1, 20.2});
  EXPECT_EQ(ar::undecided_pairs({&a, &b, &c}).size(), 3u);
}
