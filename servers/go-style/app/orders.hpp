#pragma once
// POST /orders the encoding/json way: the body is decoded into a generic JSON
// value (nlohmann::json, as Go reflects over interface{} maps), then copied into
// a plain struct with owned strings; the receipt is encoded the same way.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace gostyle {

struct OrderItem {
  std::string sku;
  std::int64_t qty = 0;
  std::int64_t price_cents = 0;
};

struct Order {
  std::string customer;
  std::vector<OrderItem> items;
  std::optional<std::string> note;
};

// invalid_json: not JSON (or nested past kMaxJsonDepth). invalid_order: JSON of
// the wrong shape: wrong type, missing member, out of range, a member given twice.
enum class OrderError { invalid_json, invalid_order };

// serde_json's recursion limit, so both reference servers refuse the same nesting.
inline constexpr int kMaxJsonDepth = 128;

std::variant<Order, OrderError> decode_order(std::string_view body);

// The 201 body: {"id","customer","items","total_cents","lines":[{"sku","subtotal_cents"}]}.
std::string encode_receipt(std::uint64_t id, const Order& order);

// "application/json", any case, parameters such as "; charset=utf-8" allowed.
bool is_json_media_type(std::string_view content_type);

}  // namespace gostyle
