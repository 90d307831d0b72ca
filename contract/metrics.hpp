#pragma once
// The /metrics exposition (docs/api.md). Servers keep counts their own way
// (per thread, atomics); both hand a snapshot to one renderer.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "contract/routes.hpp"

namespace apibench::contract {

inline constexpr std::array<int, 14> kStatusCodes = {200, 201, 204, 400, 404, 405, 408,
                                                     411, 413, 415, 431, 500, 501, 503};
inline constexpr std::size_t kRouteCount = 8;  // Route::json .. Route::not_found

// Index of status in kStatusCodes; statuses outside the contract share the 500 slot.
constexpr std::size_t status_slot(int status) noexcept {
  for (std::size_t i = 0; i < kStatusCodes.size(); ++i) {
    if (kStatusCodes[i] == status) return i;
  }
  return 11;
}

using RequestCounts = std::array<std::array<std::uint64_t, kStatusCodes.size()>, kRouteCount>;

struct MetricsSnapshot {
  RequestCounts requests{};
  std::uint64_t connections_open = 0;
  std::uint64_t connections_total = 0;
  std::uint64_t connections_rejected = 0;
  std::uint64_t cache_entries = 0;
  std::uint64_t cache_bytes = 0;
  std::uint64_t cache_hits = 0;
  std::uint64_t cache_misses = 0;
  std::uint64_t cache_evictions = 0;
};

// Appends the Prometheus text exposition (format 0.0.4) of s to out; rows with
// a zero request count are left out.
void render_metrics(const MetricsSnapshot& s, std::string& out);

}  // namespace apibench::contract
