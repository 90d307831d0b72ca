// POST /orders, the typed JSON API call of docs/api.md.
#include <nlohmann/json.hpp>

#include "tests/conformance/server_under_test.hpp"

namespace apibench::conformance {
namespace {

using testing::request_with_body;
using json = nlohmann::json;

class OrdersTest : public ServerTest {
 protected:
  std::optional<testing::HttpResponse> post(const std::string& body, const std::string& type = "application/json") {
    return send(request_with_body("POST", "/orders", type, body));
  }
};

TEST_P(OrdersTest, ValidOrderIsPricedAndNumbered) {
  APIBENCH_REQUIRE_ROUTE("orders");
  json order = {{"customer", "acme \"quoted\""},
                {"items", {{{"sku", "A-1"}, {"qty", 2}, {"price_cents", 1250}},
                           {{"sku", "B\\2"}, {"qty", 1000}, {"price_cents", 1000000000}}}},
                {"note", "leave at the door"}};
  auto r = post(order.dump());
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->status, 201) << r->body;
  expect_common_headers(*r);
  auto body = json::parse(r->body, nullptr, false);
  ASSERT_TRUE(body.is_object()) << r->body;
  EXPECT_EQ(body["customer"], "acme \"quoted\"");
  EXPECT_EQ(body["items"], 2);
  EXPECT_EQ(body["total_cents"], 2500 + 1000LL * 1000000000LL);
  ASSERT_EQ(body["lines"].size(), 2u);
  EXPECT_EQ(body["lines"][0], json({{"sku", "A-1"}, {"subtotal_cents", 2500}}));
  EXPECT_EQ(body["lines"][1]["sku"], "B\\2");
  auto again = post(order.dump());
  ASSERT_TRUE(again.has_value());
  EXPECT_GT(json::parse(again->body)["id"].get<long long>(), body["id"].get<long long>());
}

TEST_P(OrdersTest, InvalidJsonIs400) {
  APIBENCH_REQUIRE_ROUTE("orders");
  for (const char* bad : {"", "{", "{\"customer\": \"a\",}", "[1,2", "nul", "{\"customer\": \"a\"} trailing"}) {
    expect_error(post(bad), 400);
  }
}

TEST_P(OrdersTest, WrongShapeIs400) {
  APIBENCH_REQUIRE_ROUTE("orders");
  const char* item = R"({"sku":"s","qty":1,"price_cents":1})";
  std::vector<std::string> bad = {
      R"({"items":[)" + std::string(item) + "]}",                       // no customer
      R"({"customer":"","items":[)" + std::string(item) + "]}",         // empty customer
      R"({"customer":")" + std::string(65, 'c') + R"(","items":[)" + item + "]}",
      R"({"customer":"a","items":[]})",
      R"({"customer":"a","items":{}})",
      R"({"customer":1,"items":[)" + std::string(item) + "]}",
      R"({"customer":"a","items":[{"sku":"s","qty":0,"price_cents":1}]})",
      R"({"customer":"a","items":[{"sku":"s","qty":1001,"price_cents":1}]})",
      R"({"customer":"a","items":[{"sku":"s","qty":1.5,"price_cents":1}]})",
      R"({"customer":"a","items":[{"sku":"s","qty":"1","price_cents":1}]})",
      R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":-1}]})",
      R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":1000000001}]})",
      R"({"customer":"a","items":[{"sku":"","qty":1,"price_cents":1}]})",
      R"({"customer":"a","items":[{"qty":1,"price_cents":1}]})",
      R"({"customer":"a","items":[)" + std::string(item) + R"(],"note":)" + json(std::string(1025, 'n')).dump() + "}",
      R"({"customer":"a","items":[)" + std::string(item) + R"(],"note":5})",
      "[1]",
  };
  for (const auto& body : bad) expect_error(post(body), 400);
}

TEST_P(OrdersTest, WrongContentTypeIs415) {
  APIBENCH_REQUIRE_ROUTE("orders");
  std::string ok = R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":1}]})";
  expect_error(post(ok, "text/plain"), 415);
  expect_error(post(ok, ""), 415);
  auto charset = post(ok, "application/json; charset=utf-8");
  ASSERT_TRUE(charset.has_value());
  EXPECT_EQ(charset->status, 201);
}

TEST_P(OrdersTest, BodyOverTheLimitIs413) {
  APIBENCH_REQUIRE_ROUTE("orders");
  std::string huge = R"({"customer":"a","note":")" + std::string(1100 * 1024, 'x') + "\"}";
  auto c = connect();
  c.send(request_with_body("POST", "/orders", "application/json", huge));
  expect_error(c.read_response(), 413);
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(OrdersTest);

}  // namespace
}  // namespace apibench::conformance
