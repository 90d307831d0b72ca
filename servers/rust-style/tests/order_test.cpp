// POST /orders decoding and the receipt: fixed cases for every rule of the
// contract, then random orders (fixed seed) round-tripped against nlohmann/json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <random>
#include <string>

#include "contract/limits.hpp"
#include "order.hpp"

namespace apibench::rust_style {
namespace {

OrderError decode(const std::string& body) {
  OrderReader reader;
  Order order;
  return reader.read(body, order);
}

constexpr const char* kValid = R"({"customer":"acme","items":[{"sku":"A-1","qty":2,"price_cents":1250}]})";

TEST(Order, DecodesAValidOrderIntoViews) {
  const std::string body =
      R"({"customer": "acme", "items": [{"sku": "A-1", "qty": 2, "price_cents": 1250}], "note": "optional"})";
  OrderReader reader;
  Order order;
  ASSERT_EQ(reader.read(body, order), OrderError::none);
  EXPECT_EQ(order.customer, "acme");
  EXPECT_GE(order.customer.data(), body.data());
  EXPECT_LT(order.customer.data(), body.data() + body.size());
  ASSERT_EQ(order.items.size(), 1u);
  EXPECT_EQ(order.items[0].sku, "A-1");
  EXPECT_EQ(order.items[0].qty, 2);
  EXPECT_EQ(order.items[0].price_cents, 1250);
  EXPECT_EQ(order.note, "optional");
}

TEST(Order, ReceiptMatchesTheContractExample) {
  OrderReader reader;
  Order order;
  ASSERT_EQ(reader.read(kValid, order), OrderError::none);
  std::string out;
  append_receipt(out, 17, order);
  EXPECT_EQ(out,
            R"({"id":17,"customer":"acme","items":1,"total_cents":2500,"lines":[{"sku":"A-1","subtotal_cents":2500}]})");
}

TEST(Order, UnknownMembersAreIgnoredAndNullNoteIsNone) {
  EXPECT_EQ(decode(R"({"x":{"deep":[1,{"y":null}]},"customer":"a","items":[{"sku":"s","qty":1,"price_cents":0,"z":1}],"note":null})"),
            OrderError::none);
}

TEST(Order, InvalidJsonWinsOverWrongShape) {
  EXPECT_EQ(decode("{"), OrderError::invalid_json);
  EXPECT_EQ(decode(""), OrderError::invalid_json);
  EXPECT_EQ(decode(R"({"customer":1,"items":[}])"), OrderError::invalid_json);
  EXPECT_EQ(decode(std::string(kValid) + "x"), OrderError::invalid_json);
  EXPECT_EQ(decode(R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":1}],"note":"\ud800"})"),
            OrderError::invalid_json);
}

TEST(Order, WrongShapeIsInvalidOrder) {
  const char* cases[] = {
      "[1,2]",
      "null",
      R"({"items":[{"sku":"s","qty":1,"price_cents":1}]})",                                  // no customer
      R"({"customer":"a"})",                                                                 // no items
      R"({"customer":"a","items":[]})",                                                      // no item
      R"({"customer":"","items":[{"sku":"s","qty":1,"price_cents":1}]})",                    // empty customer
      R"({"customer":7,"items":[{"sku":"s","qty":1,"price_cents":1}]})",                     // wrong type
      R"({"customer":"a","items":[{"sku":"","qty":1,"price_cents":1}]})",                    // empty sku
      R"({"customer":"a","items":[{"qty":1,"price_cents":1}]})",                             // no sku
      R"({"customer":"a","items":[{"sku":"s","qty":0,"price_cents":1}]})",                   // qty too small
      R"({"customer":"a","items":[{"sku":"s","qty":1001,"price_cents":1}]})",                // qty too big
      R"({"customer":"a","items":[{"sku":"s","qty":1.5,"price_cents":1}]})",                 // not an integer
      R"({"customer":"a","items":[{"sku":"s","qty":"1","price_cents":1}]})",                 // a string
      R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":-1}]})",                  // negative price
      R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":1000000001}]})",          // price too big
      R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":99999999999999999999}]})",  // past 64 bits
      R"({"customer":"a","items":[{"sku":"s","qty":1,"price_cents":1}],"note":5})",
      R"({"customer":"a","customer":"b","items":[{"sku":"s","qty":1,"price_cents":1}]})",    // member twice
      R"({"customer":"a","items":[{"sku":"s","qty":1,"qty":2,"price_cents":1}]})",           // member twice
      R"({"customer":"a","items":[1]})",
      R"({"customer":"a","items":{"sku":"s"}})",
  };
  for (const char* c : cases) EXPECT_EQ(decode(c), OrderError::invalid_order) << c;
}

std::string item(const std::string& sku) {
  return std::string(R"({"sku":")").append(sku).append(R"(","qty":1,"price_cents":1})");
}

TEST(Order, LimitsAreInclusive) {
  const std::string customer64(contract::kMaxCustomer, 'c');
  const std::string sku32(contract::kMaxSku, 's');
  const std::string note1024(contract::kMaxNote, 'n');
  const std::string ok = std::string(R"({"customer":")") + customer64 + R"(","items":[)" + item(sku32) + R"(],"note":")" +
                         note1024 + R"("})";
  EXPECT_EQ(decode(ok), OrderError::none);
  EXPECT_EQ(decode(std::string(R"({"customer":")") + customer64 + "c" + R"(","items":[)" + item("s") + "]}"),
            OrderError::invalid_order);
  EXPECT_EQ(decode(std::string(R"({"customer":"c","items":[)") + item(sku32 + "s") + "]}"), OrderError::invalid_order);
  EXPECT_EQ(decode(std::string(R"({"customer":"c","items":[)") + item("s") + R"(],"note":")" + note1024 + R"(n"})"),
            OrderError::invalid_order);
  // Lengths count decoded bytes: 32 escapes of one byte each fit a sku.
  std::string escaped;
  for (std::size_t i = 0; i < contract::kMaxSku; ++i) escaped += "\\n";
  EXPECT_EQ(decode(std::string(R"({"customer":"c","items":[)") + item(escaped) + "]}"), OrderError::none);
}

TEST(Order, AtMostAThousandItems) {
  auto order_with = [](std::size_t n) {
    std::string items;
    for (std::size_t i = 0; i < n; ++i) items.append(i ? "," : "").append(item("s"));
    return std::string(R"({"customer":"c","items":[)").append(items).append("]}");
  };
  EXPECT_EQ(decode(order_with(contract::kMaxItems)), OrderError::none);
  EXPECT_EQ(decode(order_with(contract::kMaxItems + 1)), OrderError::invalid_order);
}

// Random strings with the bytes that need care: quotes, backslashes, control
// characters, multi-byte UTF-8 (which nlohmann may also send as \u escapes).
std::string random_text(std::mt19937& rng, std::size_t min, std::size_t max) {
  static const std::vector<std::string> pieces = {"a", "Z", "0", "-", "\"", "\\", "/", "\n", "\t", "\x01",
                                                  "\x1f", " ", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
  std::string s;
  const std::size_t target = min + rng() % (max - min + 1);
  while (s.size() < target) {
    const std::string& p = pieces[rng() % pieces.size()];
    if (s.size() + p.size() > max) break;
    s += p;
  }
  while (s.size() < min) s += 'x';
  return s;
}

TEST(Order, RandomOrdersRoundTripAgainstNlohmann) {
  std::mt19937 rng(20240601);
  OrderReader reader;  // reused, as a connection reuses it
  for (int round = 0; round < 300; ++round) {
    nlohmann::json request = {{"customer", random_text(rng, 1, contract::kMaxCustomer)}, {"items", nlohmann::json::array()}};
    const std::size_t n = 1 + rng() % 20;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const std::int64_t qty = 1 + static_cast<std::int64_t>(rng() % contract::kMaxQty);
      const std::int64_t price = static_cast<std::int64_t>(rng() % (contract::kMaxPriceCents + 1));
      request["items"].push_back({{"sku", random_text(rng, 1, contract::kMaxSku)}, {"qty", qty}, {"price_cents", price}});
      total += qty * price;
    }
    if (rng() % 2) request["note"] = random_text(rng, 0, 200);
    if (rng() % 3 == 0) request["extra"] = {{"ignored", {1, 2, 3}}};
    const std::string body = request.dump(rng() % 2 ? 2 : -1, ' ', /*ensure_ascii=*/rng() % 2 == 0);

    Order order;
    ASSERT_EQ(reader.read(body, order), OrderError::none) << body;
    std::string out;
    append_receipt(out, static_cast<std::uint64_t>(round), order);
    const nlohmann::json receipt = nlohmann::json::parse(out);
    EXPECT_EQ(receipt["id"], round);
    EXPECT_EQ(receipt["customer"], request["customer"]);
    EXPECT_EQ(receipt["items"], n);
    EXPECT_EQ(receipt["total_cents"], total);
    ASSERT_EQ(receipt["lines"].size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& in = request["items"][i];
      EXPECT_EQ(receipt["lines"][i]["sku"], in["sku"]);
      EXPECT_EQ(receipt["lines"][i]["subtotal_cents"], in["qty"].get<std::int64_t>() * in["price_cents"].get<std::int64_t>());
    }
  }
}

// Mutated orders (fixed seed): "invalid json" exactly when nlohmann/json says
// the text is not JSON, so syntax and shape errors are never confused.
TEST(Order, MutatedOrdersAgreeWithNlohmannOnWhatIsJson) {
  const std::string valid =
      R"({"customer":"a\"b\u00e9","items":[{"sku":"A-1","qty":2,"price_cents":1250},{"sku":"B","qty":1,"price_cents":0}],"note":null,"x":[true,false,1.5e3]})";
  const std::string alphabet = "{}[],:\"\\ 0123456789.-+eEtrufalsn\x01\xc3\xa9\xff";
  std::mt19937 rng(7);
  OrderReader reader;
  for (int i = 0; i < 5000; ++i) {
    std::string body = valid;
    for (int edits = 1 + static_cast<int>(rng() % 3); edits > 0; --edits) {
      const std::size_t at = rng() % body.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: body[at] = c; break;
        case 1: body.erase(at, 1); break;
        default: body.insert(body.begin() + static_cast<std::ptrdiff_t>(at), c);
      }
    }
    Order order;
    const bool not_json = reader.read(body, order) == OrderError::invalid_json;
    EXPECT_EQ(not_json, !nlohmann::json::accept(body)) << body;
  }
}

}  // namespace
}  // namespace apibench::rust_style
