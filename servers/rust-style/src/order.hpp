#pragma once
// POST /orders as types: the request decoded into a struct whose strings
// borrow from the request body (as Serde borrows &str), and the receipt
// serialized by typed code straight into the response buffer.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace apibench::rust_style {

struct OrderLine {
  std::string_view sku;
  std::int64_t qty = 0;
  std::int64_t price_cents = 0;
};

struct Order {
  std::string_view customer;
  std::optional<std::string_view> note;
  std::span<const OrderLine> items;
};

enum class OrderError : std::uint8_t { none, invalid_json, invalid_order };

// Owns the buffers decoding reuses from one order to the next: the item list
// and the scratch that holds strings whose escapes had to be decoded. An Order
// it returns borrows from both and from the body, until the next read().
class OrderReader {
 public:
  OrderError read(std::string_view body, Order& out);

 private:
  std::vector<OrderLine> lines_;
  std::string scratch_;
};

// {"id":..,"customer":..,"items":..,"total_cents":..,"lines":[{"sku":..,"subtotal_cents":..}]}
void append_receipt(std::string& out, std::uint64_t id, const Order& order);

}  // namespace apibench::rust_style
