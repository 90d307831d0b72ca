#include "app/cache.hpp"

#include <functional>
#include <limits>
#include <mutex>
#include <thread>

namespace gostyle {

Cache::Cache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

Cache::Shard& Cache::shard_for(std::string_view key) {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

Cache::PutResult Cache::put(std::string_view key, std::string value) {
  const std::size_t bytes = key.size() + value.size();
  if (bytes > max_bytes_) return PutResult::too_large;
  reserve(bytes);
  auto shared = std::make_shared<const std::string>(std::move(value));
  Shard& shard = shard_for(key);
  std::size_t released = 0;
  PutResult result = PutResult::created;
  {
    std::unique_lock lock(shard.mutex);
    if (auto it = shard.index.find(key); it != shard.index.end()) {
      Entry& entry = *it->second;
      released = entry.bytes();
      entry.value = std::move(shared);
      entry.stamp = next_stamp();
      shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
      result = PutResult::replaced;
    } else {
      shard.lru.push_front(Entry{std::string(key), std::move(shared), next_stamp()});
      shard.index.emplace(shard.lru.front().key, shard.lru.begin());
      entries_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  if (released > 0) bytes_.fetch_sub(released);
  return result;
}

Cache::Value Cache::get(std::string_view key) {
  Shard& shard = shard_for(key);
  // A hit reorders the LRU list, so even a GET takes the write lock (as
  // hashicorp/golang-lru's Get takes its mutex); README.md weighs the alternative.
  std::unique_lock lock(shard.mutex);
  auto it = shard.index.find(key);
  if (it == shard.index.end()) {
    misses_.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
  }
  it->second->stamp = next_stamp();
  shard.lru.splice(shard.lru.begin(), shard.lru, it->second);
  hits_.fetch_add(1, std::memory_order_relaxed);
  return it->second->value;
}

bool Cache::erase(std::string_view key) {
  Shard& shard = shard_for(key);
  std::size_t released = 0;
  {
    std::unique_lock lock(shard.mutex);
    auto it = shard.index.find(key);
    if (it == shard.index.end()) return false;
    auto node = it->second;
    released = node->bytes();
    shard.index.erase(it);
    shard.lru.erase(node);
  }
  entries_.fetch_sub(1, std::memory_order_relaxed);
  bytes_.fetch_sub(released);
  return true;
}

void Cache::reserve(std::size_t bytes) {
  for (;;) {
    std::size_t current = bytes_.load();
    while (current + bytes <= max_bytes_) {
      if (bytes_.compare_exchange_weak(current, current + bytes)) return;
    }
    // Nothing to evict means the space is held by puts between reserve and
    // insert, or by values being replaced; both give it back in a moment.
    if (!evict_oldest()) std::this_thread::yield();
  }
}

bool Cache::evict_oldest() {
  Shard* victim = nullptr;
  std::uint64_t oldest = std::numeric_limits<std::uint64_t>::max();
  for (Shard& shard : shards_) {
    std::shared_lock lock(shard.mutex);  // looking only: readers may share
    if (!shard.lru.empty() && shard.lru.back().stamp < oldest) {
      oldest = shard.lru.back().stamp;
      victim = &shard;
    }
  }
  if (victim == nullptr) return false;
  std::size_t released = 0;
  {
    std::unique_lock lock(victim->mutex);
    if (victim->lru.empty()) return true;  // emptied meanwhile: space was freed, look again
    const Entry& entry = victim->lru.back();
    released = entry.bytes();
    victim->index.erase(entry.key);
    victim->lru.pop_back();
  }
  entries_.fetch_sub(1, std::memory_order_relaxed);
  evictions_.fetch_add(1, std::memory_order_relaxed);
  bytes_.fetch_sub(released);
  return true;
}

CacheStats Cache::stats() const {
  return CacheStats{entries_.load(std::memory_order_relaxed), bytes_.load(std::memory_order_relaxed),
                    hits_.load(std::memory_order_relaxed), misses_.load(std::memory_order_relaxed),
                    evictions_.load(std::memory_order_relaxed)};
}

}  // namespace gostyle
