// Every route of docs/api.md over real sockets against an in-process server.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <string>

#include "server_fixture.hpp"
#include "testing/http_client.hpp"

namespace apibench::rust_style::test {
namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::request_once;
using apibench::testing::request_with_body;
using apibench::testing::TestConnection;

std::string fmt_hex(std::size_t n) {
  char text[32];
  std::snprintf(text, sizeof text, "%zx", n);
  return text;
}

HttpResponse must(std::optional<HttpResponse> r) {
  if (!r) throw std::runtime_error("no response");
  return *r;
}

class Routes : public ServerTest {
 protected:
  HttpResponse get(std::string_view path) { return must(request_once(port(), get_request(path))); }
  HttpResponse send(std::string_view method, std::string_view path, std::string_view body,
                    std::string_view type = "application/json") {
    return must(request_once(port(), request_with_body(method, path, type, body)));
  }
};

void expect_common_headers(const HttpResponse& r, std::string_view type) {
  EXPECT_EQ(r.header("Server"), "apibench-rust-style");
  ASSERT_TRUE(r.header("Date"));
  EXPECT_EQ(r.header("Date")->size(), 29u);
  EXPECT_TRUE(r.header("Date")->ends_with(" GMT"));
  EXPECT_EQ(r.header("Content-Type"), std::string(type));
  EXPECT_EQ(r.header("Content-Length"), std::to_string(r.body.size()));
}

TEST_F(Routes, Json) {
  const HttpResponse r = get("/json");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"message":"Hello, World!"})");
  expect_common_headers(r, "application/json");
}

TEST_F(Routes, Plaintext) {
  const HttpResponse r = get("/plaintext");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "Hello, World!");
  expect_common_headers(r, "text/plain");
}

TEST_F(Routes, Health) {
  const HttpResponse r = get("/health");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"status":"ok"})");
}

TEST_F(Routes, UnknownPathIs404) {
  const HttpResponse r = get("/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.body, R"({"error":"not found"})");
  expect_common_headers(r, "application/json");
}

TEST_F(Routes, WrongMethodIs405WithAllow) {
  const HttpResponse r = send("POST", "/json", "{}");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(r.header("Allow"), "GET");
  EXPECT_EQ(r.body, R"({"error":"method not allowed"})");
  EXPECT_EQ(send("POST", "/cache/k", "x").header("Allow"), "GET, PUT, DELETE");
  EXPECT_EQ(get("/orders").header("Allow"), "POST");
}

TEST_F(Routes, OrdersAreCreatedWithIncreasingIds) {
  const std::string body = R"({"customer": "acme", "items": [{"sku": "A-1", "qty": 2, "price_cents": 1250}]})";
  const HttpResponse first = send("POST", "/orders", body, "application/json; charset=utf-8");
  ASSERT_EQ(first.status, 201);
  expect_common_headers(first, "application/json");
  const auto a = nlohmann::json::parse(first.body);
  EXPECT_EQ(a["customer"], "acme");
  EXPECT_EQ(a["items"], 1);
  EXPECT_EQ(a["total_cents"], 2500);
  EXPECT_EQ(a["lines"][0]["sku"], "A-1");
  EXPECT_EQ(a["lines"][0]["subtotal_cents"], 2500);
  const auto b = nlohmann::json::parse(send("POST", "/orders", body).body);
  EXPECT_GT(b["id"].get<int>(), a["id"].get<int>());
}

TEST_F(Routes, OrderErrors) {
  EXPECT_EQ(send("POST", "/orders", "{nope").body, R"({"error":"invalid json"})");
  EXPECT_EQ(send("POST", "/orders", R"({"customer":"a","items":[]})").body, R"({"error":"invalid order"})");
  const HttpResponse wrong_type = send("POST", "/orders", "{}", "text/plain");
  EXPECT_EQ(wrong_type.status, 415);
  EXPECT_EQ(wrong_type.body, R"({"error":"unsupported media type"})");
  const HttpResponse no_type = must(request_once(port(), "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\n\r\n{}"));
  EXPECT_EQ(no_type.status, 415);
}

TEST_F(Routes, OrderWithChunkedBody) {
  const std::string body = R"({"customer":"c","items":[{"sku":"s","qty":3,"price_cents":5}]})";
  const std::string raw = "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n10\r\n" + body.substr(0, 16) + "\r\n" +
                          fmt_hex(body.size() - 16) + "\r\n" + body.substr(16) + "\r\n0\r\n\r\n";
  const HttpResponse r = must(request_once(port(), raw));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(nlohmann::json::parse(r.body)["total_cents"], 15);
}

TEST_F(Routes, CacheLifecycle) {
  EXPECT_EQ(send("PUT", "/cache/k-1.x_~", "value one", "application/octet-stream").status, 201);
  EXPECT_EQ(send("PUT", "/cache/k-1.x_~", "value two", "application/octet-stream").status, 204);
  const HttpResponse r = get("/cache/k-1.x_~");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "value two");
  expect_common_headers(r, "application/octet-stream");
  EXPECT_EQ(must(request_once(port(), "DELETE /cache/k-1.x_~ HTTP/1.1\r\nHost: t\r\n\r\n")).status, 204);
  EXPECT_EQ(must(request_once(port(), "DELETE /cache/k-1.x_~ HTTP/1.1\r\nHost: t\r\n\r\n")).status, 404);
  EXPECT_EQ(get("/cache/k-1.x_~").status, 404);
}

TEST_F(Routes, CacheKeysAreChecked) {
  for (const char* key : {"/cache/%41", "/cache/.", "/cache/..", "/cache/a/b", "/cache/a*"}) {
    const HttpResponse r = get(key);
    EXPECT_EQ(r.status, 400) << key;
    EXPECT_EQ(r.body, R"({"error":"invalid cache key"})");
  }
  EXPECT_EQ(get("/cache/" + std::string(251, 'k')).status, 400);
}

TEST_F(Routes, CacheValueLimits) {
  EXPECT_EQ(send("PUT", "/cache/big", std::string((1 << 20) + 1, 'x'), "application/octet-stream").status, 413);
  EXPECT_EQ(send("PUT", "/cache/big", std::string(1 << 20, 'x'), "application/octet-stream").status, 201);
  EXPECT_EQ(get("/cache/big").body.size(), std::size_t{1} << 20);
}

TEST_F(Routes, CacheValueLargerThanTheBoundIs413) {
  auto options = test_options();
  options.cache_bytes = 1 << 20;
  options.body_limit = 2 << 20;
  start(options);
  EXPECT_EQ(send("PUT", "/cache/k", std::string(1 << 20, 'x'), "application/octet-stream").status, 413);
}

TEST_F(Routes, Work) {
  const HttpResponse r = get("/work?ms=20");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"slept_ms":20})");
  EXPECT_EQ(get("/work?ms=1001").status, 400);
  EXPECT_EQ(get("/work").status, 400);
}

TEST_F(Routes, MetricsCountRequestsByRouteAndStatus) {
  get("/json");
  get("/json");
  get("/nope");
  send("PUT", "/cache/m", "v", "application/octet-stream");
  get("/cache/m");
  get("/cache/absent");
  const HttpResponse r = get("/metrics");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("Content-Type"), "text/plain; version=0.0.4");
  for (const char* line : {"apibench_requests_total{route=\"json\",status=\"200\"} 2\n",
                           "apibench_requests_total{route=\"not_found\",status=\"404\"} 1\n",
                           "apibench_requests_total{route=\"cache\",status=\"201\"} 1\n",
                           "apibench_cache_entries 1\n", "apibench_cache_bytes 2\n", "apibench_cache_hits_total 1\n",
                           "apibench_cache_misses_total 1\n", "apibench_connections_rejected_total 0\n"}) {
    EXPECT_NE(r.body.find(line), std::string::npos) << line << r.body;
  }
}

}  // namespace
}  // namespace apibench::rust_style::test
