// go-style's POST /orders decoder: any body is refused or decoded into an
// order within the contract's limits, without an exception escaping, and its
// receipt is encoded.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "app/orders.hpp"
#include "fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto decoded = gostyle::decode_order(body);
  const auto* order = std::get_if<gostyle::Order>(&decoded);
  if (order == nullptr) return 0;
  APIBENCH_FUZZ_CHECK(!order->customer.empty() && order->customer.size() <= 64);
  APIBENCH_FUZZ_CHECK(!order->items.empty() && order->items.size() <= 1000);
  APIBENCH_FUZZ_CHECK(!order->note || order->note->size() <= 1024);
  for (const gostyle::OrderItem& item : order->items) {
    APIBENCH_FUZZ_CHECK(!item.sku.empty() && item.sku.size() <= 32);
    APIBENCH_FUZZ_CHECK(item.qty >= 1 && item.qty <= 1000);
    APIBENCH_FUZZ_CHECK(item.price_cents >= 0 && item.price_cents <= 1'000'000'000);
  }
  const std::string receipt = gostyle::encode_receipt(1, *order);
  APIBENCH_FUZZ_CHECK(receipt.starts_with("{\"id\":1,"));
  return 0;
}
