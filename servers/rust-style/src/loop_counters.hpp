#pragma once
// Request and connection counts of one event loop. Only that loop's thread
// writes them, so an increment is a relaxed load and store (no locked
// read-modify-write); /metrics on any loop reads them all with relaxed loads.
#include <array>
#include <atomic>
#include <cstdint>

#include "contract/metrics.hpp"
#include "contract/routes.hpp"

namespace apibench::rust_style {

class LoopCounters {
 public:
  void count_request(contract::Route route, int status) noexcept {
    bump(requests_[static_cast<std::size_t>(route)][contract::status_slot(status)]);
  }
  void count_accepted() noexcept { bump(accepted_); }
  void count_rejected() noexcept { bump(rejected_); }

  // Adds this loop's counts into s.
  void add_to(contract::MetricsSnapshot& s) const noexcept {
    for (std::size_t r = 0; r < contract::kRouteCount; ++r) {
      for (std::size_t k = 0; k < contract::kStatusCodes.size(); ++k) {
        s.requests[r][k] += requests_[r][k].load(std::memory_order_relaxed);
      }
    }
    s.connections_total += accepted_.load(std::memory_order_relaxed);
    s.connections_rejected += rejected_.load(std::memory_order_relaxed);
  }

 private:
  using Counter = std::atomic<std::uint64_t>;
  static void bump(Counter& c) noexcept { c.store(c.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed); }

  std::array<std::array<Counter, contract::kStatusCodes.size()>, contract::kRouteCount> requests_{};
  Counter accepted_{0};
  Counter rejected_{0};
};

}  // namespace apibench::rust_style
