#pragma once
// The key/value cache behind /cache/{key}: LRU, bounded by the bytes of keys
// and values together, never above the bound, safe to use from every loop.
//
// Concurrency: N shards, each a mutex over its own map and recency list, so
// loops touching different keys do not contend. The byte bound is global (one
// atomic, reserved before an insert), and eviction removes the globally least
// recently used entry: every use stamps the entry from one atomic clock, each
// shard's list tail is its oldest entry, and the evictor picks the oldest tail.
// No thread ever holds two shard locks, so there is no lock order to get wrong.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "cache_shard.hpp"
#include "shared_bytes.hpp"

namespace apibench::rust_style {

struct CacheStats {
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t evictions = 0;
};

enum class PutResult : std::uint8_t { created, replaced, too_large };

class Cache {
 public:
  static constexpr std::size_t kShards = 16;

  explicit Cache(std::size_t capacity_bytes) : capacity_(capacity_bytes) {}
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  PutResult put(std::string_view key, std::string_view value);
  // An owning handle on the stored bytes: valid even if the entry is evicted.
  std::optional<SharedBytes> get(std::string_view key);
  bool erase(std::string_view key);

  CacheStats stats() const noexcept;
  std::size_t capacity() const noexcept { return capacity_; }

 private:
  CacheShard& shard_for(std::string_view key) noexcept;
  bool reserve(std::size_t bytes);
  bool evict_oldest();

  const std::size_t capacity_;
  std::array<CacheShard, kShards> shards_;
  std::atomic<std::size_t> bytes_{0};  // stored plus reserved, never above capacity_
  std::atomic<std::uint64_t> clock_{0};
  std::atomic<std::uint64_t> hits_{0};
  std::atomic<std::uint64_t> misses_{0};
  std::atomic<std::uint64_t> evictions_{0};
};

}  // namespace apibench::rust_style
