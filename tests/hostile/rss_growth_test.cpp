// The names a failed memory check gives: the cases that grew RSS most, largest first.
#include <gtest/gtest.h>

#include "tests/hostile/rss_growth.hpp"

namespace apibench::hostile {
namespace {

constexpr std::uint64_t kKiB = 1024;

TEST(RssGrowth, NamesTheCasesThatGrewRssMostLargestFirst) {
  RssGrowth growth(1000 * kKiB);
  growth.record("small", 1004 * kKiB);
  growth.record("gives_back", 900 * kKiB);
  growth.record("large", 1900 * kKiB);
  growth.record("middle", 1950 * kKiB);
  EXPECT_EQ(growth.largest(2), "  large: +1000 KiB\n  middle: +50 KiB\n");
}

TEST(RssGrowth, ListsEveryCaseWhenThereAreFewerThanAskedForAndShowsShrinking) {
  RssGrowth growth(100 * kKiB);
  growth.record("a", 104 * kKiB);
  growth.record("b", 4 * kKiB);
  EXPECT_EQ(growth.largest(5), "  a: +4 KiB\n  b: -100 KiB\n");
}

TEST(RssGrowth, NothingRecordedNamesNothing) { EXPECT_EQ(RssGrowth(1).largest(5), ""); }

}  // namespace
}  // namespace apibench::hostile
