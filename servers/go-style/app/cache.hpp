#pragma once
// The /cache store: a map split into shards, each behind its own reader-writer
// lock (Go's sync.RWMutex), with exact LRU order per shard and eviction of the
// globally oldest shard tail, so the byte bound (keys + values) always holds.
// Values are shared, reference-counted strings: a GET hands out the same bytes a
// later PUT may replace, as Go would lean on the GC for.
#include <atomic>
#include <array>
#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace gostyle {

struct CacheStats {
  std::uint64_t entries = 0;
  std::uint64_t bytes = 0;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t evictions = 0;
};

class Cache {
 public:
  enum class PutResult { created, replaced, too_large };
  using Value = std::shared_ptr<const std::string>;

  explicit Cache(std::size_t max_bytes);
  Cache(const Cache&) = delete;
  Cache& operator=(const Cache&) = delete;

  PutResult put(std::string_view key, std::string value);
  Value get(std::string_view key);  // null when absent
  bool erase(std::string_view key);
  CacheStats stats() const;
  std::size_t max_bytes() const { return max_bytes_; }

 private:
  static constexpr std::size_t kShards = 16;

  struct Entry {
    std::string key;
    Value value;
    std::uint64_t stamp;  // when last used; the list is kept in this order
    std::size_t bytes() const { return key.size() + value->size(); }
  };
  struct Shard {
    mutable std::shared_mutex mutex;
    std::list<Entry> lru;  // most recent first
    std::unordered_map<std::string_view, std::list<Entry>::iterator> index;  // keys point into lru
  };

  Shard& shard_for(std::string_view key);
  // Counts `bytes` against the bound before they are stored, evicting until they fit.
  void reserve(std::size_t bytes);
  bool evict_oldest();
  std::uint64_t next_stamp() { return clock_.fetch_add(1, std::memory_order_relaxed); }

  const std::size_t max_bytes_;
  std::array<Shard, kShards> shards_;
  std::atomic<std::uint64_t> clock_{0};
  std::atomic<std::size_t> bytes_{0};
  std::atomic<std::uint64_t> entries_{0};
  std::atomic<std::uint64_t> hits_{0};
  std::atomic<std::uint64_t> misses_{0};
  std::atomic<std::uint64_t> evictions_{0};
};

}  // namespace gostyle
