#pragma once
// What holding many idle keep-alive connections costs a server: open N, send
// one request on each so the server builds its per-connection state, then read
// its RSS while they sit idle.
#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <string>

namespace apibench::runner {

struct IdleMeasurement {
  unsigned asked = 0;
  unsigned answered = 0;  // connections whose request got a 200
  std::uint64_t rss_before_bytes = 0;
  std::uint64_t rss_after_bytes = 0;
  std::string error;  // the first failure, when not all were answered

  double rss_per_connection_bytes() const {
    return answered ? static_cast<double>(rss_after_bytes - rss_before_bytes) / answered : 0;
  }
};

// Blocks until every connection is answered or fails (bounded by timeouts).
// Stops opening and reading early when *stop is raised.
IdleMeasurement hold_idle_connections(pid_t server, const std::string& host, std::uint16_t port, unsigned count,
                                      const std::string& request, const std::atomic<bool>* stop = nullptr);

}  // namespace apibench::runner
