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

}  // namespace apibench::rust_style
