#include "drip_schedule.hpp"

#include <gtest/gtest.h>

namespace apibench::slow_headers {
namespace {

constexpr std::int64_t kSecond = DripSchedule::kSecondNs;

TEST(DripSchedule, SpreadTurnsAreEvenlySpacedOverEachSecond) {
  DripSchedule schedule(4, false, 1000);
  for (std::int64_t round = 0; round < 3; ++round) {
    for (std::size_t i = 0; i < 4; ++i) {
      EXPECT_EQ(schedule.next(), i);
      EXPECT_EQ(schedule.due_ns(), 1000 + round * kSecond + static_cast<std::int64_t>(i) * kSecond / 4);
      schedule.advance();
    }
  }
}

TEST(DripSchedule, BurstTurnsAllComeAtTheStartOfEachSecond) {
  DripSchedule schedule(3, true, 0);
  for (std::int64_t round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < 3; ++i) {
      EXPECT_EQ(schedule.next(), i);
      EXPECT_EQ(schedule.due_ns(), round * kSecond);
      schedule.advance();
    }
  }
}

TEST(DripSchedule, OneConnectionHasOneTurnASecond) {
  DripSchedule schedule(1, false, 0);
  schedule.advance();
  EXPECT_EQ(schedule.next(), 0u);
  EXPECT_EQ(schedule.due_ns(), kSecond);
}

}  // namespace
}  // namespace apibench::slow_headers
