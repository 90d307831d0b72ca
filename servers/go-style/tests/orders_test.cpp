// Decoding POST /orders bodies: the valid shape and every way to be invalid.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/orders.hpp"

namespace {

using gostyle::decode_order;
using gostyle::Order;
using gostyle::OrderError;

std::variant<Order, OrderError> decode(const std::string& body) { return decode_order(body); }

OrderError error_of(const std::string& body) {
  auto result = decode(body);
  EXPECT_TRUE(std::holds_alternative<OrderError>(result)) << body;
  return std::holds_alternative<OrderError>(result) ? std::get<OrderError>(result) : OrderError::invalid_json;
}

std::string with_items(const std::string& items) { return R"({"customer":"acme","items":)" + items + "}"; }

TEST(Orders, DecodesAValidOrderAndIgnoresUnknownMembers) {
  auto result = decode(R"({"customer":"acme","items":[{"sku":"A-1","qty":2,"price_cents":1250,"x":1}],)"
                       R"("note":"hi","extra":{"deep":[1,2]}})");
  ASSERT_TRUE(std::holds_alternative<Order>(result));
  const Order& order = std::get<Order>(result);
  EXPECT_EQ(order.customer, "acme");
  ASSERT_EQ(order.items.size(), 1u);
  EXPECT_EQ(order.items[0].sku, "A-1");
  EXPECT_EQ(order.items[0].qty, 2);
  EXPECT_EQ(order.items[0].price_cents, 1250);
  EXPECT_EQ(order.note, "hi");
}

TEST(Orders, NoteIsOptionalAndMayBeNull) {
  EXPECT_TRUE(std::holds_alternative<Order>(decode(with_items(R"([{"sku":"A","qty":1,"price_cents":0}])"))));
  auto with_null = decode(R"({"customer":"c","items":[{"sku":"A","qty":1,"price_cents":0}],"note":null})");
  ASSERT_TRUE(std::holds_alternative<Order>(with_null));
  EXPECT_FALSE(std::get<Order>(with_null).note);
}

TEST(Orders, AcceptsTheEdgesOfEveryRange) {
  std::string items = R"([{"sku":")" + std::string(32, 's') + R"(","qty":1000,"price_cents":1000000000}])";
  std::string body = R"({"customer":")" + std::string(64, 'c') + R"(","items":)" + items + R"(,"note":")" +
                     std::string(1024, 'n') + "\"}";
  EXPECT_TRUE(std::holds_alternative<Order>(decode(body)));
}

TEST(Orders, InvalidJsonIsInvalidJson) {
  for (const char* body : {"", "{", "nope", R"({"customer":"a",})", "{\"customer\":\"\xff\"}", "[1,2"}) {
    EXPECT_EQ(error_of(body), OrderError::invalid_json) << body;
  }
}

TEST(Orders, NestingPastTheDepthLimitIsInvalidJson) {
  std::string deep = std::string(200, '[') + std::string(200, ']');
  EXPECT_EQ(error_of(R"({"customer":"a","x":)" + deep + "}"), OrderError::invalid_json);
}

TEST(Orders, WrongShapesAreInvalidOrders) {
  const std::string item = R"({"sku":"A","qty":1,"price_cents":5})";
  const std::vector<std::string> bodies = {
      "[]", "42", "null", R"("text")",
      R"({"items":[)" + item + "]}",                                            // no customer
      R"({"customer":"acme"})",                                                 // no items
      R"({"customer":"","items":[)" + item + "]}",                              // empty customer
      R"({"customer":")" + std::string(65, 'c') + R"(","items":[)" + item + "]}",  // customer too long
      R"({"customer":7,"items":[)" + item + "]}",                               // customer not a string
      with_items("[]"),                                                         // no items
      with_items("{}"),                                                         // items not an array
      with_items("[1]"),                                                        // item not an object
      with_items(R"([{"qty":1,"price_cents":5}])"),                             // no sku
      with_items(R"([{"sku":"","qty":1,"price_cents":5}])"),                    // empty sku
      with_items(R"([{"sku":")" + std::string(33, 's') + R"(","qty":1,"price_cents":5}])"),
      with_items(R"([{"sku":"A","qty":0,"price_cents":5}])"),
      with_items(R"([{"sku":"A","qty":1001,"price_cents":5}])"),
      with_items(R"([{"sku":"A","qty":-1,"price_cents":5}])"),
      with_items(R"([{"sku":"A","qty":2.0,"price_cents":5}])"),
      with_items(R"([{"sku":"A","qty":"2","price_cents":5}])"),
      with_items(R"([{"sku":"A","qty":1,"price_cents":-1}])"),
      with_items(R"([{"sku":"A","qty":1,"price_cents":1000000001}])"),
      with_items(R"([{"sku":"A","qty":1,"price_cents":18446744073709551615}])"),
      with_items(R"([{"sku":"A","qty":1}])"),                                    // no price
      R"({"customer":"a","items":[)" + item + R"(],"note":5})",                  // note not a string
      R"({"customer":"a","items":[)" + item + R"(],"note":")" + std::string(1025, 'n') + "\"}",
      R"({"customer":"a","customer":"b","items":[)" + item + "]}",               // duplicate member
      with_items(R"([{"sku":"A","sku":"B","qty":1,"price_cents":5}])"),          // duplicate in an item
  };
  for (const std::string& body : bodies) EXPECT_EQ(error_of(body), OrderError::invalid_order) << body;
}

TEST(Orders, TooManyItemsIsAnInvalidOrder) {
  std::string items = "[";
  for (int i = 0; i < 1001; ++i) items += std::string(i ? "," : "") + R"({"sku":"A","qty":1,"price_cents":1})";
  EXPECT_EQ(error_of(with_items(items + "]")), OrderError::invalid_order);
}

TEST(Orders, TheReceiptTotalsTheLines) {
  Order order{"acme", {{"A-1", 2, 1250}, {"B", 3, 100}}, std::nullopt};
  auto receipt = nlohmann::json::parse(gostyle::encode_receipt(17, order));
  EXPECT_EQ(receipt, nlohmann::json::parse(R"({"id":17,"customer":"acme","items":2,"total_cents":2800,)"
                                           R"("lines":[{"sku":"A-1","subtotal_cents":2500},)"
                                           R"({"sku":"B","subtotal_cents":300}]})"));
}

TEST(Orders, MediaTypeIsJsonInAnyCaseWithParameters) {
  EXPECT_TRUE(gostyle::is_json_media_type("application/json"));
  EXPECT_TRUE(gostyle::is_json_media_type("Application/JSON; charset=utf-8"));
  EXPECT_FALSE(gostyle::is_json_media_type("text/plain"));
  EXPECT_FALSE(gostyle::is_json_media_type("application/jsonx"));
  EXPECT_FALSE(gostyle::is_json_media_type(""));
}

}  // namespace
