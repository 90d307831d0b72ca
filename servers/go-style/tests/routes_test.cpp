// Every route of the contract over real sockets against an in-process server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "testing/http_client.hpp"
#include "tests/test_server.hpp"

namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::request_once;
using apibench::testing::request_with_body;
using apibench::testing::TestConnection;
using gostyle::test::RunningServer;

HttpResponse must(std::optional<HttpResponse> r) {
  if (!r) throw std::runtime_error("no response");
  return std::move(*r);
}

std::string order_body(int qty = 2) {
  return R"({"customer":"acme","items":[{"sku":"A-1","qty":)" + std::to_string(qty) +
         R"(,"price_cents":1250}],"note":"optional"})";
}

TEST(Routes, JsonIsBuiltPerRequestWithTheCommonHeaders) {
  RunningServer s;
  HttpResponse r = must(request_once(s.port(), get_request("/json")));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"message":"Hello, World!"})");
  EXPECT_EQ(r.header("Content-Type"), "application/json");
  EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
  EXPECT_EQ(r.header("Server"), "apibench-go-style");
  ASSERT_TRUE(r.header("Date"));
  EXPECT_EQ(r.header("Date")->size(), 29u);
}

TEST(Routes, PlaintextAndHealth) {
  RunningServer s;
  HttpResponse text = must(request_once(s.port(), get_request("/plaintext")));
  EXPECT_EQ(text.status, 200);
  EXPECT_EQ(text.body, "Hello, World!");
  EXPECT_EQ(text.header("Content-Type"), "text/plain");
  HttpResponse health = must(request_once(s.port(), get_request("/health")));
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
}

TEST(Routes, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  RunningServer s;
  HttpResponse missing = must(request_once(s.port(), get_request("/nope")));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.body, R"({"error":"not found"})");
  EXPECT_EQ(missing.header("Content-Type"), "application/json");
  HttpResponse wrong = must(request_once(s.port(), request_with_body("POST", "/json", "text/plain", "x")));
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("Allow"), "GET");
  EXPECT_EQ(wrong.body, R"({"error":"method not allowed"})");
  HttpResponse cache = must(request_once(s.port(), request_with_body("POST", "/cache/k", "text/plain", "x")));
  EXPECT_EQ(cache.header("Allow"), "GET, PUT, DELETE");
}

TEST(Routes, OrdersAreNumberedAndTotalled) {
  RunningServer s;
  HttpResponse first = must(request_once(s.port(), request_with_body("POST", "/orders", "application/json", order_body())));
  ASSERT_EQ(first.status, 201) << first.body;
  auto receipt = nlohmann::json::parse(first.body);
  EXPECT_EQ(receipt["customer"], "acme");
  EXPECT_EQ(receipt["items"], 1);
  EXPECT_EQ(receipt["total_cents"], 2500);
  EXPECT_EQ(receipt["lines"][0]["sku"], "A-1");
  EXPECT_EQ(receipt["lines"][0]["subtotal_cents"], 2500);
  HttpResponse second = must(request_once(
      s.port(), request_with_body("POST", "/orders", "Application/JSON; charset=utf-8", order_body(3))));
  ASSERT_EQ(second.status, 201);
  EXPECT_GT(nlohmann::json::parse(second.body)["id"].get<int>(), receipt["id"].get<int>());
}

TEST(Routes, OrdersRefuseBadInput) {
  RunningServer s;
  auto post = [&](std::string_view type, std::string_view body) {
    return must(request_once(s.port(), request_with_body("POST", "/orders", type, body)));
  };
  HttpResponse not_json = post("application/json", "{nope");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(not_json.body, R"({"error":"invalid json"})");
  HttpResponse wrong_shape = post("application/json", R"({"customer":"acme","items":[]})");
  EXPECT_EQ(wrong_shape.status, 400);
  EXPECT_EQ(wrong_shape.body, R"({"error":"invalid order"})");
  EXPECT_EQ(post("text/plain", order_body()).status, 415);
  HttpResponse no_type = must(request_once(s.port(), request_with_body("POST", "/orders", "", order_body())));
  EXPECT_EQ(no_type.status, 415);
  EXPECT_EQ(no_type.body, R"({"error":"unsupported media type"})");
}

TEST(Routes, CachePutGetReplaceDelete) {
  RunningServer s;
  TestConnection c(s.port());
  auto send = [&](std::string request) {
    c.send(request);
    return must(c.read_response());
  };
  EXPECT_EQ(send(request_with_body("PUT", "/cache/k-1", "application/octet-stream", "v1")).status, 201);
  HttpResponse got = send(get_request("/cache/k-1"));
  EXPECT_EQ(got.status, 200);
  EXPECT_EQ(got.body, "v1");
  EXPECT_EQ(got.header("Content-Type"), "application/octet-stream");
  EXPECT_EQ(send(request_with_body("PUT", "/cache/k-1", "application/octet-stream", "v2")).status, 204);
  EXPECT_EQ(send(get_request("/cache/k-1")).body, "v2");
  EXPECT_EQ(send("DELETE /cache/k-1 HTTP/1.1\r\nHost: t\r\n\r\n").status, 204);
  EXPECT_EQ(send("DELETE /cache/k-1 HTTP/1.1\r\nHost: t\r\n\r\n").status, 404);
  EXPECT_EQ(send(get_request("/cache/k-1")).status, 404);
}

TEST(Routes, CacheRefusesBadKeysAndValuesPastOneMebibyte) {
  RunningServer s;
  for (const char* key : {"/cache/%41", "/cache/..", "/cache/a/b", "/cache/"}) {
    HttpResponse r = must(request_once(s.port(), get_request(key)));
    EXPECT_EQ(r.status, 400) << key;
    EXPECT_EQ(r.body, R"({"error":"invalid cache key"})") << key;
  }
  auto options = gostyle::test::test_options();
  options.body_limit = 4 << 20;  // the 1 MiB value cap applies below a larger body limit
  RunningServer big(options);
  std::string value((1 << 20) + 1, 'x');
  HttpResponse r = must(request_once(big.port(), request_with_body("PUT", "/cache/k", "application/octet-stream", value)));
  EXPECT_EQ(r.status, 413);
}

TEST(Routes, CacheValueLargerThanTheWholeBoundIs413) {
  auto options = gostyle::test::test_options();
  options.cache_bytes = 1000;
  RunningServer s(options);
  std::string value(1001, 'x');
  HttpResponse r = must(request_once(s.port(), request_with_body("PUT", "/cache/k", "application/octet-stream", value)));
  EXPECT_EQ(r.status, 413);
}

TEST(Routes, WorkSleepsAndAnswers) {
  RunningServer s;
  HttpResponse r = must(request_once(s.port(), get_request("/work?ms=5")));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"slept_ms":5})");
  for (const char* bad : {"/work?ms=1001", "/work?ms=x", "/work"}) {
    EXPECT_EQ(must(request_once(s.port(), get_request(bad))).status, 400) << bad;
  }
}

TEST(Routes, WorkDoesNotStallOtherConnections) {
  RunningServer s;
  std::vector<TestConnection> sleepers;
  for (int i = 0; i < 64; ++i) {
    sleepers.emplace_back(s.port());
    sleepers.back().send(get_request("/work?ms=1000"));
  }
  // 64 handlers are blocked for a second on 2 worker threads; /json must be
  // answered before any of them is (an order of events, not a speed).
  TestConnection other(s.port());
  other.send(get_request("/json"));
  std::optional<HttpResponse> quick = other.read_response(std::chrono::seconds(10));
  ASSERT_TRUE(quick);
  EXPECT_EQ(quick->status, 200);
  for (TestConnection& c : sleepers) {
    EXPECT_FALSE(c.read_response(std::chrono::milliseconds(0))) << "a 1 s /work answered before /json";
  }
  for (TestConnection& c : sleepers) {
    std::optional<HttpResponse> r = c.read_response(std::chrono::seconds(20));
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, R"({"slept_ms":1000})");
  }
}

TEST(Routes, MetricsCountRequestsConnectionsAndCache) {
  RunningServer s;
  must(request_once(s.port(), get_request("/json")));
  must(request_once(s.port(), get_request("/nope")));
  must(request_once(s.port(), request_with_body("PUT", "/cache/k", "application/octet-stream", "abc")));
  must(request_once(s.port(), get_request("/cache/k")));
  must(request_once(s.port(), get_request("/cache/missing")));
  HttpResponse m = must(request_once(s.port(), get_request("/metrics")));
  EXPECT_EQ(m.status, 200);
  EXPECT_EQ(m.header("Content-Type"), "text/plain; version=0.0.4");
  for (const char* line : {"apibench_requests_total{route=\"json\",status=\"200\"} 1\n",
                           "apibench_requests_total{route=\"not_found\",status=\"404\"} 1\n",
                           "apibench_requests_total{route=\"cache\",status=\"201\"} 1\n",
                           "apibench_cache_entries 1\n", "apibench_cache_bytes 4\n", "apibench_cache_hits_total 1\n",
                           "apibench_cache_misses_total 1\n", "apibench_connections_total 6\n"}) {
    EXPECT_NE(m.body.find(line), std::string::npos) << line << " in\n" << m.body;
  }
}

}  // namespace
