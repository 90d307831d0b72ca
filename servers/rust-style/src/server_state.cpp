#include "server_state.hpp"

namespace apibench::rust_style {

std::optional<ConnectionSlot> ServerState::admit() noexcept {
  const std::uint64_t open = open_connections_.fetch_add(1, std::memory_order_relaxed);
  ConnectionSlot slot(open_connections_);
  if (options_.max_connections != 0 && open >= options_.max_connections) return std::nullopt;
  return slot;
}

contract::MetricsSnapshot ServerState::snapshot() const {
  contract::MetricsSnapshot s;
  for (const LoopCounters* counters : counters_) counters->add_to(s);
  s.connections_open = open_connections_.load(std::memory_order_relaxed);
  const CacheStats cache = cache_.stats();
  s.cache_entries = cache.entries;
  s.cache_bytes = cache.bytes;
  s.cache_hits = cache.hits;
  s.cache_misses = cache.misses;
  s.cache_evictions = cache.evictions;
  return s;
}

}  // namespace apibench::rust_style
