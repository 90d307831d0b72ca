#include "app/metrics.hpp"

namespace gostyle {

namespace contract = apibench::contract;

void Metrics::count_request(contract::Route route, int status) noexcept {
  requests_[static_cast<std::size_t>(route)][contract::status_slot(status)].fetch_add(1, std::memory_order_relaxed);
}

void Metrics::connection_opened() noexcept {
  open_.fetch_add(1, std::memory_order_relaxed);
  total_.fetch_add(1, std::memory_order_relaxed);
}

void Metrics::connection_closed() noexcept { open_.fetch_sub(1, std::memory_order_relaxed); }

void Metrics::connection_rejected() noexcept { rejected_.fetch_add(1, std::memory_order_relaxed); }

contract::MetricsSnapshot Metrics::snapshot() const {
  contract::MetricsSnapshot s;
  for (std::size_t r = 0; r < requests_.size(); ++r) {
    for (std::size_t k = 0; k < requests_[r].size(); ++k) {
      s.requests[r][k] = requests_[r][k].load(std::memory_order_relaxed);
    }
  }
  s.connections_open = open_.load(std::memory_order_relaxed);
  s.connections_total = total_.load(std::memory_order_relaxed);
  s.connections_rejected = rejected_.load(std::memory_order_relaxed);
  return s;
}

}  // namespace gostyle
