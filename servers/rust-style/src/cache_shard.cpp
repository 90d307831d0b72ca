#include "cache_shard.hpp"

namespace apibench::rust_style {

std::optional<CacheShard::Removed> CacheShard::insert(std::string_view key, SharedBytes value,
                                                      std::uint64_t stamp) {
  std::lock_guard lock(mutex_);
  std::optional<Removed> displaced;
  if (const auto found = index_.find(key); found != index_.end()) displaced = remove(found->second);
  recency_.push_front(Entry{std::string(key), std::move(value), stamp});
  index_.emplace(recency_.front().key, recency_.begin());
  return displaced;
}

std::optional<SharedBytes> CacheShard::get(std::string_view key, std::uint64_t stamp) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  const Recency::iterator it = found->second;
  it->stamp = stamp;
  recency_.splice(recency_.begin(), recency_, it);  // relinks the node; nothing allocates
  return it->value.clone();
}

std::optional<CacheShard::Removed> CacheShard::erase(std::string_view key) {
  std::lock_guard lock(mutex_);
  const auto found = index_.find(key);
  if (found == index_.end()) return std::nullopt;
  return remove(found->second);
}

std::optional<std::uint64_t> CacheShard::oldest_stamp() {
  std::lock_guard lock(mutex_);
  if (recency_.empty()) return std::nullopt;
  return recency_.back().stamp;
}

std::optional<CacheShard::Removed> CacheShard::evict_if_oldest(std::uint64_t stamp) {
  std::lock_guard lock(mutex_);
  if (recency_.empty() || recency_.back().stamp != stamp) return std::nullopt;
  return remove(std::prev(recency_.end()));
}

std::size_t CacheShard::entries() const {
  std::lock_guard lock(mutex_);
  return recency_.size();
}

CacheShard::Removed CacheShard::remove(Recency::iterator it) {
  const Removed removed{it->key.size() + it->value.size()};
  index_.erase(std::string_view(it->key));
  recency_.erase(it);  // drops this owner; a write still holding a clone keeps the bytes
  return removed;
}

}  // namespace apibench::rust_style
