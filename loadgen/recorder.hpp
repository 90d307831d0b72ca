#pragma once
// One event-loop thread's measurements: its own histograms and counters, so the hot path
// touches no shared memory. Only what happens inside the measured window is counted.
#include <cstdint>
#include <utility>
#include <vector>

#include "loadgen/in_flight.hpp"
#include "loadgen/live_progress.hpp"
#include "loadgen/load.hpp"

namespace apibench::loadgen {

enum class ErrorKind { kConnect, kRead, kWrite, kTimeout, kBadResponse };

// An error no request can answer for (a connect, bytes nobody asked for).
inline constexpr std::uint32_t kNoEndpoint = UINT32_MAX;

// What one thread measures: the window, at most `quota` responses in it (its share of
// -n), and where it publishes its progress (may be null).
struct Window {
  std::int64_t start_ns = 0;
  std::int64_t end_ns = 0;
  std::uint64_t quota = UINT64_MAX;
  LiveSlot* live = nullptr;
  bool contains(std::int64_t t) const noexcept { return t >= start_ns && t < end_ns; }
};

// One second of the timeline; latencies kept as sparse histogram buckets for merging.
struct SecondRecord {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::vector<std::pair<std::size_t, std::uint64_t>> latency_buckets;
};

class Recorder {
 public:
  Recorder(const std::vector<std::string>& endpoint_names, bool open_loop, std::size_t seconds);

  // The clock starts (warm-up, then the window) with this many connections open.
  void start(Window window, std::uint64_t connections_open) noexcept {
    window_ = window;
    started_ = true;
    totals_.connections_open = connections_open;
  }
  void sent(std::int64_t now) noexcept {
    if (window_.contains(now)) ++totals_.requests_sent;
  }
  void response(std::int64_t now, const InFlight& request, std::uint32_t endpoint, int status);
  // Counted inside the window, and before start() (while the connections are opened), not
  // in the warm-up; against `endpoint` too unless it is kNoEndpoint.
  void error(std::int64_t now, ErrorKind kind, std::uint32_t endpoint) noexcept;
  void reconnect(std::int64_t now) noexcept {
    if (window_.contains(now)) ++totals_.reconnects;
  }
  void finish();  // closes the last second of the timeline
  bool quota_met() const noexcept { return totals_.requests >= window_.quota; }

  const LoadResult& totals() const { return totals_; }
  const std::vector<SecondRecord>& seconds() const { return seconds_; }

 private:
  std::size_t second_of(std::int64_t now) const noexcept;
  void close_second();
  void publish_second() noexcept;

  Window window_;
  bool started_ = false;
  bool open_loop_;
  LoadResult totals_;
  std::vector<SecondRecord> seconds_;
  std::size_t current_second_ = 0;
  LatencyHistogram current_second_latency_;
};

}  // namespace apibench::loadgen
