#pragma once
// One shard of the cache: a mutex over a hash map and a recency list. Lookups
// take a string_view (transparent hashing), so a GET allocates nothing.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "shared_bytes.hpp"

namespace apibench::rust_style {

class CacheShard {
 public:
  struct Removed {
    std::size_t bytes = 0;  // key plus value
  };

  // Inserts key; if a concurrent put stored it meanwhile, that entry is replaced
  // and reported as removed.
  std::optional<Removed> insert(std::string_view key, SharedBytes value, std::uint64_t stamp);
  std::optional<SharedBytes> get(std::string_view key, std::uint64_t stamp);
  std::optional<Removed> erase(std::string_view key);
  // The stamp of the least recently used entry, if any.
  std::optional<std::uint64_t> oldest_stamp();
  // Evicts the least recently used entry if its stamp is still `stamp`.
  std::optional<Removed> evict_if_oldest(std::uint64_t stamp);
  std::size_t entries() const;

 private:
  struct Entry {
    std::string key;
    SharedBytes value;
    std::uint64_t stamp;
  };
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
  };
  using Recency = std::list<Entry>;  // front: most recently used

  Removed remove(Recency::iterator it);

  mutable std::mutex mutex_;
  Recency recency_;
  // Keys are views of the strings in recency_'s nodes, which never move.
  std::unordered_map<std::string_view, Recency::iterator, Hash, std::equal_to<>> index_;
};

}  // namespace apibench::rust_style
