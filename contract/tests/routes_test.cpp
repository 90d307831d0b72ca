#include "contract/routes.hpp"

#include <gtest/gtest.h>

#include <string>

namespace ac = apibench::contract;

TEST(Routes, FixedPathsMatchTheirMethod) {
  auto m = ac::match_route(ac::Method::get, "/json");
  EXPECT_EQ(m.route, ac::Route::json);
  EXPECT_TRUE(m.method_allowed);
  EXPECT_EQ(ac::match_route(ac::Method::get, "/plaintext").route, ac::Route::plaintext);
  EXPECT_EQ(ac::match_route(ac::Method::get, "/health").route, ac::Route::health);
  EXPECT_EQ(ac::match_route(ac::Method::post, "/orders").route, ac::Route::orders);
  EXPECT_TRUE(ac::match_route(ac::Method::post, "/orders").method_allowed);
}

TEST(Routes, WrongMethodGivesAllow) {
  auto m = ac::match_route(ac::Method::post, "/json");
  EXPECT_EQ(m.route, ac::Route::json);
  EXPECT_FALSE(m.method_allowed);
  EXPECT_EQ(m.allow, "GET");
  auto c = ac::match_route(ac::Method::post, "/cache/k");
  EXPECT_FALSE(c.method_allowed);
  EXPECT_EQ(c.allow, "GET, PUT, DELETE");
}

TEST(Routes, QueryIsSplitOff) {
  auto m = ac::match_route(ac::Method::get, "/work?ms=5");
  EXPECT_EQ(m.route, ac::Route::work);
  EXPECT_EQ(m.query, "ms=5");
  EXPECT_EQ(ac::match_route(ac::Method::get, "/json?x=1").route, ac::Route::json);
}

TEST(Routes, UnknownPathsAreNotFound) {
  for (const char* p : {"/", "/json/", "/JSON", "/jsonx", "/cache", "http://a/json", "*"}) {
    auto m = ac::match_route(ac::Method::get, p);
    EXPECT_EQ(m.route, ac::Route::not_found) << p;
    EXPECT_TRUE(m.method_allowed) << p;
  }
}

TEST(Routes, CacheKeyIsTheRestOfThePath) {
  auto m = ac::match_route(ac::Method::put, "/cache/user-42");
  EXPECT_EQ(m.route, ac::Route::cache);
  EXPECT_EQ(m.cache_key, "user-42");
}

TEST(Routes, MethodsAreCaseSensitive) {
  EXPECT_EQ(ac::parse_method("GET"), ac::Method::get);
  EXPECT_EQ(ac::parse_method("get"), ac::Method::other);
  EXPECT_EQ(ac::parse_method("DELETE"), ac::Method::del);
  EXPECT_EQ(ac::parse_method(""), ac::Method::other);
}

TEST(CacheKey, Validation) {
  EXPECT_TRUE(ac::valid_cache_key("a"));
  EXPECT_TRUE(ac::valid_cache_key("A-z_0.9~"));
  EXPECT_TRUE(ac::valid_cache_key(std::string(250, 'k')));
  EXPECT_FALSE(ac::valid_cache_key(std::string(251, 'k')));
  EXPECT_FALSE(ac::valid_cache_key(""));
  EXPECT_FALSE(ac::valid_cache_key(".."));
  EXPECT_FALSE(ac::valid_cache_key("."));
  EXPECT_FALSE(ac::valid_cache_key("a/b"));
  EXPECT_FALSE(ac::valid_cache_key("%2e%2e"));
  EXPECT_FALSE(ac::valid_cache_key("caf\xc3\xa9"));
}

TEST(WorkMs, Parsing) {
  EXPECT_EQ(ac::parse_work_ms("ms=0"), 0u);
  EXPECT_EQ(ac::parse_work_ms("ms=1000"), 1000u);
  EXPECT_FALSE(ac::parse_work_ms("ms=1001"));
  EXPECT_FALSE(ac::parse_work_ms("ms=-1"));
  EXPECT_FALSE(ac::parse_work_ms("ms="));
  EXPECT_FALSE(ac::parse_work_ms("ms=5x"));
  EXPECT_FALSE(ac::parse_work_ms("ms=99999999999999999999"));
  EXPECT_FALSE(ac::parse_work_ms("x=5"));
  EXPECT_FALSE(ac::parse_work_ms(""));
}

#include "contract/metrics.hpp"

TEST(Metrics, RendersNonZeroRowsAndGauges) {
  ac::MetricsSnapshot s;
  s.requests[static_cast<std::size_t>(ac::Route::json)][ac::status_slot(200)] = 7;
  s.cache_entries = 3;
  std::string out;
  ac::render_metrics(s, out);
  EXPECT_NE(out.find("apibench_requests_total{route=\"json\",status=\"200\"} 7\n"), std::string::npos);
  EXPECT_EQ(out.find("route=\"plaintext\""), std::string::npos);
  EXPECT_NE(out.find("apibench_cache_entries 3\n"), std::string::npos);
  EXPECT_EQ(ac::status_slot(431), 10u);
}
