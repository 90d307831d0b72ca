#pragma once
// One keep-alive client connection's state, owned by one event-loop thread.
#include <cstdint>
#include <string>

#include "loadgen/in_flight.hpp"
#include "loadgen/response_parser.hpp"

namespace apibench::loadgen {

enum class ConnectionState { kClosed, kConnecting, kOpen, kBackoff };

struct Connection {
  Connection(std::size_t pipeline, std::size_t max_request_bytes) : in_flight(pipeline) {
    out.reserve(pipeline * max_request_bytes);
  }

  // The poller token: index plus generation, so an event for a closed socket is recognisable.
  std::uint64_t token(std::uint32_t index) const { return (std::uint64_t{generation} << 32) | index; }

  int fd = -1;
  std::uint32_t generation = 0;
  ConnectionState state = ConnectionState::kClosed;
  std::int64_t deadline_ns = 0;  // connect deadline while connecting; retry time in backoff
  unsigned connect_failures = 0;
  bool watching_writes = false;
  bool dirty = false;  // queued bytes to write at the end of this loop round
  InFlightQueue in_flight;
  std::string out;  // requests queued and not yet fully written
  std::size_t out_written = 0;
  ResponseParser parser;
};

}  // namespace apibench::loadgen
