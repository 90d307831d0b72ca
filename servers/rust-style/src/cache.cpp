#include "cache.hpp"

#include <thread>

namespace apibench::rust_style {

CacheShard& Cache::shard_for(std::string_view key) noexcept {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

PutResult Cache::put(std::string_view key, std::string_view value) {
  const std::size_t size = key.size() + value.size();
  if (size > capacity_) return PutResult::too_large;
  SharedBytes bytes = SharedBytes::copy_from(value);  // outside any lock
  CacheShard& shard = shard_for(key);
  // Replacing is erase then insert: the old bytes leave the bound first, and
  // eviction never has to consider the key being written.
  const auto old = shard.erase(key);
  if (old) bytes_.fetch_sub(old->bytes, std::memory_order_relaxed);
  while (!reserve(size)) {
    if (!evict_oldest()) std::this_thread::yield();  // others' inserts hold the room for a moment
  }
  const auto displaced = shard.insert(key, std::move(bytes), clock_.fetch_add(1, std::memory_order_relaxed));
  if (displaced) bytes_.fetch_sub(displaced->bytes, std::memory_order_relaxed);
  return old || displaced ? PutResult::replaced : PutResult::created;
}

std::optional<SharedBytes> Cache::get(std::string_view key) {
  auto value = shard_for(key).get(key, clock_.fetch_add(1, std::memory_order_relaxed));
  (value ? hits_ : misses_).fetch_add(1, std::memory_order_relaxed);
  return value;
}

bool Cache::erase(std::string_view key) {
  const auto removed = shard_for(key).erase(key);
  if (removed) bytes_.fetch_sub(removed->bytes, std::memory_order_relaxed);
  return removed.has_value();
}

bool Cache::reserve(std::size_t bytes) {
  std::size_t used = bytes_.load(std::memory_order_relaxed);
  while (used + bytes <= capacity_) {
    if (bytes_.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed)) return true;
  }
  return false;
}

bool Cache::evict_oldest() {
  CacheShard* victim = nullptr;
  std::uint64_t oldest = 0;
  for (CacheShard& shard : shards_) {
    const auto stamp = shard.oldest_stamp();
    if (stamp && (victim == nullptr || *stamp < oldest)) {
      victim = &shard;
      oldest = *stamp;
    }
  }
  if (victim == nullptr) return false;
  // Another thread may have used or evicted it since; then the caller retries.
  if (const auto removed = victim->evict_if_oldest(oldest)) {
    bytes_.fetch_sub(removed->bytes, std::memory_order_relaxed);
    evictions_.fetch_add(1, std::memory_order_relaxed);
  }
  return true;
}

CacheStats Cache::stats() const noexcept {
  CacheStats s;
  for (const CacheShard& shard : shards_) s.entries += shard.entries();
  s.bytes = bytes_.load(std::memory_order_relaxed);
  s.hits = hits_.load(std::memory_order_relaxed);
  s.misses = misses_.load(std::memory_order_relaxed);
  s.evictions = evictions_.load(std::memory_order_relaxed);
  return s;
}

}  // namespace apibench::rust_style
