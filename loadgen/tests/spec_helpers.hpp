#pragma once
// Short load specs against the in-process test server (every run well under 2 s).
#include <chrono>
#include <cstdint>

#include "loadgen/load.hpp"

namespace apibench::loadgen::testing {

inline LoadSpec short_spec(std::uint16_t port, std::chrono::milliseconds duration = std::chrono::milliseconds(300)) {
  LoadSpec spec;
  spec.port = port;
  spec.requests = {{"root", "GET / HTTP/1.1\r\nHost: test\r\n\r\n", 1.0}};
  spec.connections = 4;
  spec.threads = 1;
  spec.duration = duration;
  spec.warmup = std::chrono::milliseconds(0);
  spec.connect_timeout = std::chrono::milliseconds(500);
  spec.request_timeout = std::chrono::milliseconds(1000);
  return spec;
}

}  // namespace apibench::loadgen::testing
