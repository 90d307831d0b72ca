// rust-style's POST /orders reader: any body is refused or decoded into an
// order within the contract's limits, and its receipt is written.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_check.hpp"
#include "order.hpp"

namespace rs = apibench::rust_style;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static rs::OrderReader reader;  // reused across bodies, as a connection reuses it
  const std::string body(reinterpret_cast<const char*>(data), size);  // exact size: ASan sees overreads
  rs::Order order;
  if (reader.read(body, order) != rs::OrderError::none) return 0;
  APIBENCH_FUZZ_CHECK(!order.customer.empty() && order.customer.size() <= 64);
  APIBENCH_FUZZ_CHECK(!order.items.empty() && order.items.size() <= 1000);
  APIBENCH_FUZZ_CHECK(!order.note || order.note->size() <= 1024);
  for (const rs::OrderLine& line : order.items) {
    APIBENCH_FUZZ_CHECK(!line.sku.empty() && line.sku.size() <= 32);
    APIBENCH_FUZZ_CHECK(line.qty >= 1 && line.qty <= 1000);
    APIBENCH_FUZZ_CHECK(line.price_cents >= 0 && line.price_cents <= 1'000'000'000);
  }
  std::string receipt;
  rs::append_receipt(receipt, 1, order);
  APIBENCH_FUZZ_CHECK(receipt.starts_with("{\"id\":1,") && receipt.ends_with("]}"));
  return 0;
}
