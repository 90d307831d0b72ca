#include "timeout_lanes.hpp"

#include <algorithm>

namespace apibench::rust_style {
namespace {

// How long a closing connection drains what the client still sends, so the
// close does not turn into a reset that could destroy the last response.
constexpr std::chrono::milliseconds kMaxLinger{1000};

}  // namespace

TimeoutLanes TimeoutLanes::add_to(DeadlineSweeper& sweeper, const contract::ServerOptions& options) {
  return {sweeper.lane_for(options.idle_timeout), sweeper.lane_for(options.header_timeout),
          sweeper.lane_for(std::min(kMaxLinger, options.idle_timeout))};
}

// A tick costs the deadlines that passed, not the connections, so it can be
// short: 10 ms spreads the closes of connections that timed out within a
// second of each other over a hundred ticks instead of ten bursts.
std::chrono::milliseconds sweep_tick(const contract::ServerOptions& options) {
  const auto shortest = std::min(options.idle_timeout, options.header_timeout);
  return std::clamp(shortest / 8, std::chrono::milliseconds(5), std::chrono::milliseconds(10));
}

}  // namespace apibench::rust_style
