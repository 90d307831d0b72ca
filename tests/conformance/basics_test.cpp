// The fixed routes and the routing errors of docs/api.md.
#include <nlohmann/json.hpp>

#include "tests/conformance/server_under_test.hpp"

namespace apibench::conformance {
namespace {

using testing::get_request;
using Basics = ServerTest;

TEST_P(Basics, JsonIsHelloWorld) {
  auto r = send(get_request("/json"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  expect_common_headers(*r);
  EXPECT_EQ(r->header("Content-Type").value_or("").rfind("application/json", 0), 0u);
  EXPECT_EQ(nlohmann::json::parse(r->body, nullptr, false), nlohmann::json({{"message", "Hello, World!"}}));
}

TEST_P(Basics, PlaintextIsHelloWorld) {
  auto r = send(get_request("/plaintext"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  expect_common_headers(*r);
  EXPECT_EQ(r->header("Content-Type").value_or("").rfind("text/plain", 0), 0u);
  EXPECT_EQ(r->body, "Hello, World!");
}

TEST_P(Basics, HealthIsOk) {
  auto r = send(get_request("/health"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  expect_common_headers(*r);
  EXPECT_EQ(nlohmann::json::parse(r->body, nullptr, false), nlohmann::json({{"status", "ok"}}));
}

TEST_P(Basics, UnknownPathIs404) {
  for (const char* path : {"/nope", "/json/extra", "/"}) {
    auto r = send(get_request(path));
    expect_error(r, 404);
  }
}

TEST_P(Basics, WrongMethodIs405WithAllow) {
  auto r = send(testing::request_with_body("POST", "/json", "application/json", "{}"));
  expect_error(r, 405);
  ASSERT_TRUE(r.has_value());
  EXPECT_NE(r->header("Allow").value_or("").find("GET"), std::string::npos);
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(Basics);

}  // namespace
}  // namespace apibench::conformance
