// The small parsers behind `apibench load`: URL, durations, CPU lists, request bytes, and
// the weighted request picker.
#include <map>

#include <gtest/gtest.h>

#include "loadgen/cpu_list.hpp"
#include "loadgen/duration.hpp"
#include "loadgen/request_builder.hpp"
#include "loadgen/url.hpp"
#include "loadgen/weighted_picker.hpp"

namespace apibench::loadgen {
namespace {

TEST(Url, ParsesHostPortAndTarget) {
  const auto url = std::get<HttpUrl>(parse_http_url("http://127.0.0.1:8080/orders?limit=5"));
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 8080);
  EXPECT_EQ(url.target, "/orders?limit=5");
  EXPECT_EQ(url.host_header, "127.0.0.1:8080");
  const auto bare = std::get<HttpUrl>(parse_http_url("http://localhost"));
  EXPECT_EQ(bare.port, 80);
  EXPECT_EQ(bare.target, "/");
}

TEST(Url, RejectsWhatItCannotServe) {
  for (const char* bad : {"https://x/", "127.0.0.1:80/", "http://:80/", "http://h:0/", "http://h:99999/",
                          "http://h:x/", "http://h/a b", "http://h@x/"}) {
    EXPECT_TRUE(std::holds_alternative<std::string>(parse_http_url(bad))) << bad;
  }
}

TEST(Duration, ParsesUnits) {
  using std::chrono::milliseconds;
  EXPECT_EQ(parse_duration("10s"), milliseconds(10'000));
  EXPECT_EQ(parse_duration("500ms"), milliseconds(500));
  EXPECT_EQ(parse_duration("1.5s"), milliseconds(1500));
  EXPECT_EQ(parse_duration("2m"), milliseconds(120'000));
  EXPECT_EQ(parse_duration("3"), milliseconds(3000));
  EXPECT_EQ(parse_duration("0s"), milliseconds(0));
  for (const char* bad : {"", "s", "10x", "-1s", "1..2s", "ms10"}) EXPECT_FALSE(parse_duration(bad)) << bad;
}

TEST(CpuList, ParsesListsAndRanges) {
  EXPECT_EQ(parse_cpu_list("0,2-4"), (std::vector<int>{0, 2, 3, 4}));
  EXPECT_EQ(parse_cpu_list("1"), (std::vector<int>{1}));
  for (const char* bad : {"", ",", "3-1", "a", "1,,2", "-1", "0-99999"}) EXPECT_FALSE(parse_cpu_list(bad)) << bad;
}

TEST(RequestBuilder, BuildsExactBytes) {
  EXPECT_EQ(build_request({"GET", "/a", "h:1", {}, ""}), "GET /a HTTP/1.1\r\nHost: h:1\r\n\r\n");
  EXPECT_EQ(build_request({"POST", "/o", "h", {"Content-Type: application/json"}, "{}"}),
            "POST /o HTTP/1.1\r\nHost: h\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
  EXPECT_EQ(build_request({"GET", "/", "h", {"host: other"}, ""}), "GET / HTTP/1.1\r\nhost: other\r\n\r\n");
}

TEST(WeightedPicker, FollowsWeightsEvenly) {
  WeightedPicker picker({3.0, 1.0, 0.0});
  std::map<std::uint32_t, int> picked;
  for (int i = 0; i < 4000; ++i) ++picked[picker.next()];
  EXPECT_EQ(picked[0], 3000);
  EXPECT_EQ(picked[1], 1000);
  EXPECT_EQ(picked[2], 0);
  WeightedPicker single({5.0});
  EXPECT_EQ(single.next(), 0u);
}

}  // namespace
}  // namespace apibench::loadgen
