#pragma once
// Counters behind /metrics, kept the way Go's Prometheus client keeps them:
// atomics every goroutine bumps directly.
#include <array>
#include <atomic>
#include <cstdint>

#include "contract/metrics.hpp"
#include "contract/routes.hpp"

namespace gostyle {

class Metrics {
 public:
  void count_request(apibench::contract::Route route, int status) noexcept;
  void connection_opened() noexcept;
  void connection_closed() noexcept;
  void connection_rejected() noexcept;
  std::uint64_t connections_open() const noexcept { return open_.load(std::memory_order_relaxed); }

  // Request and connection counts; the cache fills in its own.
  apibench::contract::MetricsSnapshot snapshot() const;

 private:
  using Row = std::array<std::atomic<std::uint64_t>, apibench::contract::kStatusCodes.size()>;
  std::array<Row, apibench::contract::kRouteCount> requests_{};
  std::atomic<std::uint64_t> open_{0};
  std::atomic<std::uint64_t> total_{0};
  std::atomic<std::uint64_t> rejected_{0};
};

}  // namespace gostyle
