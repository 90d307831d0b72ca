#include "loadgen/order_bodies.hpp"

#include <iterator>

#include <fmt/format.h>

namespace apibench::loadgen {

std::string generate_order_body(std::size_t items, SeededRandom& random) {
  std::string body;
  auto out = std::back_inserter(body);
  fmt::format_to(out, R"({{"customer":"customer-{}","items":[)", random.below(10'000));
  for (std::size_t i = 0; i < items; ++i) {
    fmt::format_to(out, R"({}{{"sku":"SKU-{:05}","qty":{},"price_cents":{}}})", i == 0 ? "" : ",",
                   random.below(100'000), random.between(1, 10), random.between(0, 100'000));
  }
  body += "]}";
  return body;
}

}  // namespace apibench::loadgen
