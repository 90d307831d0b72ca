#pragma once
// Limits and defaults of the contract (docs/api.md), in one place.
#include <cstddef>

namespace apibench::contract {

inline constexpr std::size_t kMaxHeaderBytes = 8 * 1024;     // request line + headers; 431 past it
inline constexpr std::size_t kDefaultBodyLimit = 1 << 20;    // --body-limit; 413 past it
inline constexpr std::size_t kDefaultCacheMb = 256;          // --cache-mb
inline constexpr std::size_t kMaxCacheKey = 250;
inline constexpr std::size_t kMaxCacheValue = 1 << 20;
inline constexpr unsigned kMaxWorkMs = 1000;
inline constexpr unsigned kDefaultIdleTimeoutMs = 10'000;    // idle keep-alive connection
inline constexpr unsigned kDefaultHeaderTimeoutMs = 5'000;   // a request's headers must arrive within this

// POST /orders
inline constexpr std::size_t kMaxCustomer = 64;
inline constexpr std::size_t kMaxSku = 32;
inline constexpr std::size_t kMaxItems = 1000;
inline constexpr long long kMaxQty = 1000;
inline constexpr long long kMaxPriceCents = 1'000'000'000;
inline constexpr std::size_t kMaxNote = 1024;

}  // namespace apibench::contract
