#include "contract/metrics.hpp"

#include <fmt/format.h>

namespace apibench::contract {

void render_metrics(const MetricsSnapshot& s, std::string& out) {
  auto it = std::back_inserter(out);
  fmt::format_to(it, "# HELP apibench_requests_total Requests answered, by route and status.\n"
                     "# TYPE apibench_requests_total counter\n");
  for (std::size_t r = 0; r < kRouteCount; ++r) {
    for (std::size_t k = 0; k < kStatusCodes.size(); ++k) {
      if (s.requests[r][k] == 0) continue;
      fmt::format_to(it, "apibench_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                     route_name(static_cast<Route>(r)), kStatusCodes[k], s.requests[r][k]);
    }
  }
  auto gauge = [&](const char* name, const char* help, const char* type, std::uint64_t v) {
    fmt::format_to(it, "# HELP {0} {1}\n# TYPE {0} {2}\n{0} {3}\n", name, help, type, v);
  };
  gauge("apibench_connections_open", "Connections open now.", "gauge", s.connections_open);
  gauge("apibench_connections_total", "Connections accepted.", "counter", s.connections_total);
  gauge("apibench_connections_rejected_total", "Connections closed at once past --max-conns.", "counter",
        s.connections_rejected);
  gauge("apibench_cache_entries", "Entries in the cache.", "gauge", s.cache_entries);
  gauge("apibench_cache_bytes", "Bytes of keys and values in the cache.", "gauge", s.cache_bytes);
  gauge("apibench_cache_hits_total", "Cache lookups that found their key.", "counter", s.cache_hits);
  gauge("apibench_cache_misses_total", "Cache lookups that did not.", "counter", s.cache_misses);
  gauge("apibench_cache_evictions_total", "Entries evicted to keep the byte bound.", "counter", s.cache_evictions);
}

}  // namespace apibench::contract
