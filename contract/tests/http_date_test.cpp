#include "contract/http_date.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ac = apibench::contract;

TEST(HttpDate, FormatsImfFixdate) {
  char out[ac::kHttpDateLength];
  ac::format_http_date(784111777, out);  // RFC 9110's example instant
  EXPECT_EQ(std::string(out, sizeof out), "Sun, 06 Nov 1994 08:49:37 GMT");
  ac::format_http_date(0, out);
  EXPECT_EQ(std::string(out, sizeof out), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(HttpDate, NowHasTheFixedShape) {
  std::string_view now = ac::http_date_now();
  ASSERT_EQ(now.size(), ac::kHttpDateLength);
  EXPECT_EQ(now.substr(3, 2), ", ");
  EXPECT_EQ(now.substr(now.size() - 4), " GMT");
}
