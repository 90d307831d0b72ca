#pragma once
// What all event loops share: the options, the cache, the blocking pool, the
// order ids and the connection count. Everything else belongs to one loop.
#include <atomic>
#include <cstdint>
#include <optional>
#include <vector>

#include "blocking_pool.hpp"
#include "cache.hpp"
#include "contract/metrics.hpp"
#include "contract/server_options.hpp"
#include "loop_counters.hpp"

namespace apibench::rust_style {

// One admitted connection's place under --max-conns; gives it back when dropped.
class ConnectionSlot {
 public:
  explicit ConnectionSlot(std::atomic<std::uint64_t>& open) noexcept : open_(&open) {}
  ConnectionSlot(ConnectionSlot&& other) noexcept : open_(std::exchange(other.open_, nullptr)) {}
  ConnectionSlot& operator=(ConnectionSlot&&) = delete;
  ConnectionSlot(const ConnectionSlot&) = delete;
  ~ConnectionSlot() {
    if (open_ != nullptr) open_->fetch_sub(1, std::memory_order_relaxed);
  }

 private:
  std::atomic<std::uint64_t>* open_;
};

class ServerState {
 public:
  explicit ServerState(contract::ServerOptions options)
      : options_(std::move(options)), cache_(options_.cache_bytes) {}

  const contract::ServerOptions& options() const noexcept { return options_; }
  Cache& cache() noexcept { return cache_; }
  BlockingPool& blocking() noexcept { return blocking_; }
  std::uint64_t next_order_id() noexcept { return next_order_id_.fetch_add(1, std::memory_order_relaxed); }

  // A slot, or nothing past --max-conns.
  std::optional<ConnectionSlot> admit() noexcept;
  // Registered at setup, before any loop runs.
  void add_counters(const LoopCounters& counters) { counters_.push_back(&counters); }
  contract::MetricsSnapshot snapshot() const;

 private:
  const contract::ServerOptions options_;
  Cache cache_;
  BlockingPool blocking_;
  std::atomic<std::uint64_t> next_order_id_{1};
  std::atomic<std::uint64_t> open_connections_{0};
  std::vector<const LoopCounters*> counters_;
};

}  // namespace apibench::rust_style
