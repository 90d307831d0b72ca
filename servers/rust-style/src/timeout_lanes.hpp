#pragma once
// The timeouts a connection uses, as lanes of its loop's DeadlineSweeper.
#include "contract/server_options.hpp"
#include "deadline_sweeper.hpp"

namespace apibench::rust_style {

struct TimeoutLanes {
  LaneId idle;    // waiting for a request or a body, or a response to drain
  LaneId header;  // a request head, from its first byte
  LaneId linger;  // draining what the client still sends before a close

  // Equal lengths share a lane.
  static TimeoutLanes add_to(DeadlineSweeper& sweeper, const contract::ServerOptions& options);
};

}  // namespace apibench::rust_style
