#pragma once
// Generated POST /orders bodies (docs/api.md): a customer and `items` items with SKUs,
// quantities and prices drawn from a seeded generator, always within the contract's limits.
#include <cstddef>
#include <string>

#include "loadgen/seeded_random.hpp"

namespace apibench::loadgen {

inline constexpr std::size_t kMinOrderItems = 1;
inline constexpr std::size_t kMaxOrderItems = 1000;  // contract::kMaxItems

std::string generate_order_body(std::size_t items, SeededRandom& random);

}  // namespace apibench::loadgen
