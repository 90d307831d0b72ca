#include "app/orders.hpp"

#include <nlohmann/json.hpp>
#include <unordered_set>

#include "contract/limits.hpp"

namespace gostyle {
namespace {

namespace contract = apibench::contract;
using nlohmann::json;

// Whether the body opens more than kMaxJsonDepth containers at once. Checked
// before the parse, as encoding/json's checkValid scans before it decodes:
// nlohmann's callback cannot stop a parse, so a depth found during it came after
// the whole document was built. 100,000 nested arrays were 7.5 MiB of heap that
// glibc kept resident after the free (the hostile corpus's memory check, 92% of
// its margin). Brackets in strings do not count; whatever is not JSON is left
// to the parser to refuse (a stray closer stops it before anything deeper).
bool nests_too_deep(std::string_view body) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : body) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

// Watches the parse for what nlohmann accepts but the contract does not: a key
// given twice in one object. It also
// drops array elements the decode never reads, as each completes, so a large
// array costs no memory (a 1 MiB array of numbers was 8 MiB of DOM): only the
// top-level "items" is read, and only its first kMaxItems + 1 elements (one
// past the limit is enough to refuse the order). Containers themselves are
// always kept: discarding one at its start would hide the matching end event.
struct ParseGuard {
  struct OpenContainer {
    bool array = false;
    bool items = false;  // the top-level "items" array
    std::size_t elements = 0;
  };
  std::vector<std::unordered_set<std::string>> open_objects;
  std::vector<OpenContainer> open;
  std::string top_level_key;  // the member of the top-level object being read
  bool duplicate_key = false;

  bool on_event(json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
        open_objects.emplace_back();
        open.push_back({});
        return true;
      case json::parse_event_t::array_start:
        open.push_back({true, open.size() == 1 && !open[0].array && top_level_key == "items"});
        return true;
      case json::parse_event_t::key:
        if (!open_objects.back().insert(parsed.get<std::string>()).second) duplicate_key = true;
        if (open.size() == 1) top_level_key = parsed.get<std::string>();
        return true;
      case json::parse_event_t::object_end:
        open_objects.pop_back();
        open.pop_back();
        return keep_element();
      case json::parse_event_t::array_end:
        open.pop_back();
        return keep_element();
      case json::parse_event_t::value:
        return keep_element();
    }
    return true;
  }

  // Whether the value just completed is kept in the document.
  bool keep_element() {
    if (open.empty() || !open.back().array) return true;  // the root, or a member of an object
    OpenContainer& array = open.back();
    return array.items && ++array.elements <= contract::kMaxItems + 1;
  }
};

std::optional<std::string> string_member(const json& object, const char* name, std::size_t max_bytes) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return std::nullopt;
  const auto& s = it->get_ref<const std::string&>();
  if (s.empty() || s.size() > max_bytes) return std::nullopt;
  return s;
}

std::optional<std::int64_t> integer_member(const json& object, const char* name, std::int64_t min, std::int64_t max) {
  auto it = object.find(name);
  if (it == object.end()) return std::nullopt;
  if (it->is_number_unsigned()) {
    auto v = it->get<std::uint64_t>();
    if (v > static_cast<std::uint64_t>(max) || static_cast<std::int64_t>(v) < min) return std::nullopt;
    return static_cast<std::int64_t>(v);
  }
  if (it->is_number_integer()) {  // negative
    auto v = it->get<std::int64_t>();
    if (v < min || v > max) return std::nullopt;
    return v;
  }
  return std::nullopt;  // floats ("2.0", "1e2"), strings, null...
}

std::optional<OrderItem> decode_item(const json& value) {
  if (!value.is_object()) return std::nullopt;
  auto sku = string_member(value, "sku", contract::kMaxSku);
  auto qty = integer_member(value, "qty", 1, contract::kMaxQty);
  auto price = integer_member(value, "price_cents", 0, contract::kMaxPriceCents);
  if (!sku || !qty || !price) return std::nullopt;
  return OrderItem{std::move(*sku), *qty, *price};
}

// A missing or null note is no note (encoding/json and serde's Option agree).
bool decode_note(const json& object, Order& order) {
  auto it = object.find("note");
  if (it == object.end() || it->is_null()) return true;
  if (!it->is_string()) return false;
  const auto& note = it->get_ref<const std::string&>();
  if (note.size() > contract::kMaxNote) return false;
  order.note = note;
  return true;
}

std::optional<Order> decode_shape(const json& doc) {
  if (!doc.is_object()) return std::nullopt;
  Order order;
  auto customer = string_member(doc, "customer", contract::kMaxCustomer);
  auto items = doc.find("items");
  if (!customer || items == doc.end() || !items->is_array()) return std::nullopt;
  if (items->empty() || items->size() > contract::kMaxItems) return std::nullopt;
  order.customer = std::move(*customer);
  order.items.reserve(items->size());
  for (const json& value : *items) {
    std::optional<OrderItem> item = decode_item(value);
    if (!item) return std::nullopt;
    order.items.push_back(std::move(*item));
  }
  if (!decode_note(doc, order)) return std::nullopt;
  return order;
}

// Valid JSON whose number does not fit a double (1e400) fails nlohmann's parse
// as "number overflow"; encoding/json reads it and then refuses the value for
// the field, so it is an invalid order, not invalid JSON.
bool number_out_of_range(std::string_view body) {
  struct OverflowSeen : nlohmann::json_sax<json> {
    bool overflow = false;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
      overflow = e.id == 406;  // out_of_range.406: number overflow
      return false;
    }
  } sax;
  json::sax_parse(body.begin(), body.end(), &sax, nlohmann::detail::input_format_t::json, /*strict=*/true);
  return sax.overflow;
}

}  // namespace

std::variant<Order, OrderError> decode_order(std::string_view body) {
  if (nests_too_deep(body)) return OrderError::invalid_json;
  ParseGuard guard;
  json doc = json::parse(
      body.begin(), body.end(),
      [&guard](int /*depth*/, json::parse_event_t event, json& parsed) { return guard.on_event(event, parsed); },
      /*allow_exceptions=*/false);
  if (doc.is_discarded()) return number_out_of_range(body) ? OrderError::invalid_order : OrderError::invalid_json;
  if (guard.duplicate_key) return OrderError::invalid_order;
  std::optional<Order> order = decode_shape(doc);
  if (!order) return OrderError::invalid_order;
  return std::move(*order);
}

std::string encode_receipt(std::uint64_t id, const Order& order) {
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  std::int64_t total = 0;
  for (const OrderItem& item : order.items) {
    const std::int64_t subtotal = item.qty * item.price_cents;
    total += subtotal;
    lines.push_back({{"sku", item.sku}, {"subtotal_cents", subtotal}});
  }
  nlohmann::ordered_json receipt = {{"id", id},
                                    {"customer", order.customer},
                                    {"items", order.items.size()},
                                    {"total_cents", total},
                                    {"lines", std::move(lines)}};
  return receipt.dump();
}

bool is_json_media_type(std::string_view content_type) {
  std::string_view media = content_type.substr(0, content_type.find(';'));
  while (!media.empty() && (media.back() == ' ' || media.back() == '\t')) media.remove_suffix(1);
  while (!media.empty() && (media.front() == ' ' || media.front() == '\t')) media.remove_prefix(1);
  constexpr std::string_view kJson = "application/json";
  if (media.size() != kJson.size()) return false;
  for (std::size_t i = 0; i < media.size(); ++i) {
    const char c = media[i] >= 'A' && media[i] <= 'Z' ? static_cast<char>(media[i] - 'A' + 'a') : media[i];
    if (c != kJson[i]) return false;
  }
  return true;
}

}  // namespace gostyle
