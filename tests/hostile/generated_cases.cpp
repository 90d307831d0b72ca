#include "tests/hostile/generated_cases.hpp"

#include <functional>
#include <map>

#include "testing/http_client.hpp"

namespace apibench::hostile {
namespace {

constexpr std::size_t kMiB = 1024 * 1024;

std::string order_request(std::string_view body) {
  return testing::request_with_body("POST", "/orders", "application/json", body);
}

std::string header_line_1mib() {
  return testing::get_request("/json", "X-Long: " + std::string(kMiB, 'a') + "\r\n");
}

std::string ten_thousand_headers() {
  std::string headers;
  for (int i = 0; i < 10'000; ++i) headers += "X-H" + std::to_string(i) + ": v\r\n";
  return testing::get_request("/json", headers);
}

std::string target_over_8kib() { return testing::get_request("/cache/" + std::string(9 * 1024, 'k')); }

std::string orders_nesting_100000() {
  constexpr std::size_t kDepth = 100'000;
  return order_request(R"({"customer":"acme","deep":)" + std::string(kDepth, '[') + std::string(kDepth, ']') + "}");
}

std::string orders_1001_items() {
  std::string items;
  for (int i = 0; i < 1001; ++i) items += std::string(i == 0 ? "" : ",") + R"({"sku":"A-1","qty":1,"price_cents":1})";
  return order_request(R"({"customer":"acme","items":[)" + items + "]}");
}

std::string orders_10mib_array() {
  std::string items = "0";
  while (items.size() < 10 * kMiB) items += ",0";
  return order_request(R"({"customer":"acme","items":[)" + items + "]}");
}

// The largest array the default body limit lets through to the JSON reader:
// valid JSON of the wrong shape (numbers, not items), so all of it is read.
std::string orders_array_at_body_limit() {
  const std::string head = R"({"customer":"acme","items":[)";
  std::string items = "0";
  while (head.size() + items.size() + 2 + 2 < kMiB) items += ",0";
  return order_request(head + items + "]}");
}

// 2 MiB of JSON array sent as 64 KiB chunks: over the limit only once it arrives.
std::string orders_chunked_2mib() {
  std::string request =
      "POST /orders HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(64 * 1024, ' ');
  for (std::size_t sent = 0; sent < 2 * kMiB; sent += chunk.size()) request += "10000\r\n" + chunk + "\r\n";
  return request + "0\r\n\r\n";
}

const std::map<std::string_view, std::function<std::string()>>& generators() {
  static const std::map<std::string_view, std::function<std::string()>> all{
      {"header_line_1mib", header_line_1mib},   {"ten_thousand_headers", ten_thousand_headers},
      {"target_over_8kib", target_over_8kib},   {"orders_nesting_100000", orders_nesting_100000},
      {"orders_1001_items", orders_1001_items}, {"orders_10mib_array", orders_10mib_array},
      {"orders_chunked_2mib", orders_chunked_2mib},     {"orders_array_at_body_limit", orders_array_at_body_limit},
  };
  return all;
}

}  // namespace

std::optional<std::string> generate_case(std::string_view name) {
  auto it = generators().find(name);
  if (it == generators().end()) return std::nullopt;
  return it->second();
}

}  // namespace apibench::hostile
