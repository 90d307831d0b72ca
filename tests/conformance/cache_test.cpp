// The in-memory cache of docs/api.md: PUT, GET, DELETE, key validation, the byte bound.
#include "tests/conformance/server_under_test.hpp"

namespace apibench::conformance {
namespace {

using testing::get_request;
using testing::request_with_body;

class CacheTest : public ServerTest {
 protected:
  std::optional<testing::HttpResponse> put(const std::string& key, const std::string& value) {
    return send(request_with_body("PUT", "/cache/" + key, "application/octet-stream", value));
  }
  std::optional<testing::HttpResponse> get(const std::string& key) { return send(get_request("/cache/" + key)); }
  std::optional<testing::HttpResponse> del(const std::string& key) {
    return send("DELETE /cache/" + key + " HTTP/1.1\r\nHost: t\r\n\r\n");
  }
  // The status of a response, or 0 (with a failure recorded) when none came.
  static int status_of(const std::optional<testing::HttpResponse>& r) {
    if (!r) ADD_FAILURE() << "no response";
    return r ? r->status : 0;
  }
};

TEST_P(CacheTest, PutGetReplaceDelete) {
  APIBENCH_REQUIRE_ROUTE("cache");
  std::string value("binary\0value\xff", 14);
  auto created = put("user-1", value);
  ASSERT_TRUE(created.has_value());
  EXPECT_EQ(created->status, 201);
  auto got = get("user-1");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->status, 200);
  expect_common_headers(*got);
  EXPECT_EQ(got->header("Content-Type").value_or(""), "application/octet-stream");
  EXPECT_EQ(got->body, value);
  auto replaced = put("user-1", "v2");
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->status, 204);
  auto v2 = get("user-1");
  ASSERT_TRUE(v2.has_value());
  EXPECT_EQ(v2->body, "v2");
  EXPECT_EQ(status_of(del("user-1")), 204);
  expect_error(get("user-1"), 404);
  expect_error(del("user-1"), 404);
}

TEST_P(CacheTest, InvalidKeysAre400) {
  APIBENCH_REQUIRE_ROUTE("cache");
  for (const std::string& key : std::vector<std::string>{"%2e%2e", "a%20b", std::string(251, 'k'), "..", "caf\xc3\xa9"}) {
    expect_error(put(key, "v"), 400);
    expect_error(get(key), 400);
  }
  expect_error(put("", "v"), 400);
}

TEST_P(CacheTest, WrongMethodIs405) {
  APIBENCH_REQUIRE_ROUTE("cache");
  auto r = send(request_with_body("POST", "/cache/k", "application/octet-stream", "v"));
  expect_error(r, 405);
  ASSERT_TRUE(r.has_value());
  EXPECT_NE(r->header("Allow").value_or("").find("PUT"), std::string::npos);
}

TEST_P(CacheTest, ValueOverOneMiBIs413) {
  APIBENCH_REQUIRE_ROUTE("cache");
  auto c = connect();
  c.send(request_with_body("PUT", "/cache/big", "application/octet-stream", std::string((1 << 20) + 1, 'v')));
  expect_error(c.read_response(), 413);
}

TEST_P(CacheTest, EvictsLeastRecentlyUsedWithinTheBound) {
  APIBENCH_REQUIRE_ROUTE("cache");
  // The default bound is 256 MiB: write 300 values of 1 MiB, reading key 0 often so it stays recent.
  std::string value((1 << 20) - 64, 'v');
  for (int i = 0; i < 300; ++i) {
    auto r = put("k" + std::to_string(i), value);
    ASSERT_TRUE(r.has_value());
    ASSERT_EQ(r->status, 201) << i;
    if (i % 16 == 0) {
      ASSERT_EQ(status_of(get("k0")), 200) << "k0 evicted though recently used, at " << i;
    }
  }
  EXPECT_EQ(status_of(get("k1")), 404) << "the oldest untouched entry should have been evicted";
  EXPECT_EQ(status_of(get("k299")), 200);
  EXPECT_EQ(status_of(get("k0")), 200);
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(CacheTest);

}  // namespace
}  // namespace apibench::conformance
