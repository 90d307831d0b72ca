#pragma once
// POST /orders request bodies of a given item count, the same bytes on every
// run (seeded), shaped as docs/api.md describes and as a client would send
// them: compact JSON, plain ASCII strings, a short note.
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>

#include <benchmark/benchmark.h>

namespace apibench::bench {

inline std::string order_body(std::size_t items, std::uint32_t seed = 42) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> sku_number(0, 999'999);
  std::uniform_int_distribution<int> qty(1, 20);
  std::uniform_int_distribution<int> price_cents(1, 100'000);
  std::string body = R"({"customer":"customer-)" + std::to_string(sku_number(rng)) + R"(","items":[)";
  for (std::size_t i = 0; i < items; ++i) {
    if (i > 0) body += ',';
    body += R"({"sku":"SKU-)" + std::to_string(sku_number(rng)) + R"(","qty":)" + std::to_string(qty(rng)) +
            R"(,"price_cents":)" + std::to_string(price_cents(rng)) + '}';
  }
  body += R"(],"note":"leave at the front desk"})";
  return body;
}

// The item counts the JSON benchmarks run with: one, a typical cart, a big
// one, and the contract's maximum.
inline void order_sizes(benchmark::internal::Benchmark* b) {
  for (int items : {1, 10, 100, 1000}) b->Arg(items);
}

}  // namespace apibench::bench
