#include "order.hpp"

#include <fmt/format.h>

#include "contract/limits.hpp"
#include "json_reader.hpp"
#include "json_writer.hpp"

namespace apibench::rust_style {
namespace {

namespace limits = contract;

// Decoding keeps going after a shape error so that a document that is not
// JSON at all is still told apart ("invalid json" beats "invalid order").
class OrderDecoder {
 public:
  OrderDecoder(JsonReader& json, std::vector<OrderLine>& lines) : json_(json), lines_(lines) {}

  OrderError decode(Order& out) {
    lines_.clear();
    if (json_.peek() == JsonKind::object) {
      read_order(out);
    } else {
      wrong_shape(0);
    }
    if (!json_.at_end()) return OrderError::invalid_json;
    if (shape_error_) return OrderError::invalid_order;
    out.items = lines_;
    return OrderError::none;
  }

 private:
  // Skips (and so validates) the value a member had that did not fit.
  void wrong_shape(int depth) {
    shape_error_ = true;
    json_.skip_value(depth);
  }

  std::optional<std::string_view> string_within(std::size_t min, std::size_t max, int depth) {
    if (json_.peek() != JsonKind::string) return wrong_shape(depth), std::nullopt;
    auto s = json_.read_string();
    if (s && (s->size() < min || s->size() > max)) shape_error_ = true;
    return s;
  }

  std::int64_t integer_within(std::int64_t min, std::int64_t max, int depth) {
    if (json_.peek() != JsonKind::number) return wrong_shape(depth), 0;
    const auto n = json_.read_number();
    if (!n || !n->fits_int64 || n->value < min || n->value > max) {
      shape_error_ = true;
      return 0;
    }
    return n->value;
  }

  // Iterates an object's members, calling on_member(key, depth) for each.
  template <typename OnMember>
  void members(int depth, OnMember on_member) {
    if (depth >= kMaxJsonDepth) return wrong_shape(depth);
    json_.begin_object();
    for (bool first = true;; first = false) {
      const auto more = json_.next_member(first);
      if (!more || !*more) return;
      const auto key = json_.read_key();
      if (!key) return;
      on_member(*key, depth + 1);
    }
  }

  // A member name the type knows, seen twice, makes the order invalid.
  void once(bool& seen) {
    if (seen) shape_error_ = true;
    seen = true;
  }

  void read_order(Order& out) {
    bool customer = false, items = false, note = false;
    out.note.reset();
    members(0, [&](std::string_view key, int depth) {
      if (key == "customer") {
        once(customer);
        if (auto s = string_within(1, limits::kMaxCustomer, depth)) out.customer = *s;
      } else if (key == "items") {
        once(items);
        read_items(depth);
      } else if (key == "note") {
        once(note);
        if (json_.peek() == JsonKind::null) {
          json_.skip_value(depth);  // Option<String> takes null as None
        } else if (auto s = string_within(0, limits::kMaxNote, depth)) {
          out.note = *s;
        }
      } else {
        json_.skip_value(depth);  // unknown members are ignored
      }
    });
    if (!customer || !items) shape_error_ = true;
  }

  void read_items(int depth) {
    if (json_.peek() != JsonKind::array || depth >= kMaxJsonDepth) return wrong_shape(depth);
    json_.begin_array();
    for (bool first = true;; first = false) {
      const auto more = json_.next_item(first);
      if (!more || !*more) break;
      if (json_.peek() != JsonKind::object) {
        wrong_shape(depth + 1);
        continue;
      }
      const OrderLine line = read_line(depth + 1);
      if (lines_.size() < limits::kMaxItems) lines_.push_back(line);
      else shape_error_ = true;
    }
    if (lines_.empty()) shape_error_ = true;
  }

  OrderLine read_line(int depth) {
    OrderLine line;
    bool sku = false, qty = false, price = false;
    members(depth, [&](std::string_view key, int member_depth) {
      if (key == "sku") {
        once(sku);
        if (auto s = string_within(1, limits::kMaxSku, member_depth)) line.sku = *s;
      } else if (key == "qty") {
        once(qty);
        line.qty = integer_within(1, limits::kMaxQty, member_depth);
      } else if (key == "price_cents") {
        once(price);
        line.price_cents = integer_within(0, limits::kMaxPriceCents, member_depth);
      } else {
        json_.skip_value(member_depth);
      }
    });
    if (!sku || !qty || !price) shape_error_ = true;
    return line;
  }

  JsonReader& json_;
  std::vector<OrderLine>& lines_;
  bool shape_error_ = false;
};

}  // namespace

OrderError OrderReader::read(std::string_view body, Order& out) {
  JsonReader json(body, scratch_);
  return OrderDecoder(json, lines_).decode(out);
}

void append_receipt(std::string& out, std::uint64_t id, const Order& order) {
  std::int64_t total = 0;
  for (const OrderLine& line : order.items) total += line.qty * line.price_cents;
  auto it = std::back_inserter(out);
  fmt::format_to(it, R"({{"id":{},"customer":)", id);
  json::append_string(out, order.customer);
  fmt::format_to(it, R"(,"items":{},"total_cents":{},"lines":[)", order.items.size(), total);
  for (std::size_t i = 0; i < order.items.size(); ++i) {
    out.append(i == 0 ? R"({"sku":)" : R"(,{"sku":)");
    json::append_string(out, order.items[i].sku);
    fmt::format_to(it, R"(,"subtotal_cents":{}}})", order.items[i].qty * order.items[i].price_cents);
  }
  out.append("]}");
}

}  // namespace apibench::rust_style
