#pragma once
// One load-generator thread: an I/O engine (epoll or io_uring) driving the shared traffic
// logic. run_load builds one per thread, has each open its connections, starts the clock
// for all of them at once, and merges their recorders.
#include <cstdint>

#include "loadgen/recorder.hpp"
#include "loadgen/traffic.hpp"

namespace apibench::loadgen {

class Engine {
 public:
  virtual ~Engine() = default;
  // Opens every connection and returns once each is open or has failed (within the connect
  // timeout), sending nothing: as wrk does, so the warm-up and the window do not pay for it.
  void open_connections();
  // Runs from begin_ns (warm-up start) until the end of the measured window.
  void run(std::int64_t begin_ns, Window measured);
  const Recorder& recorder() { return traffic().recorder(); }

 protected:
  virtual Traffic& traffic() = 0;
  // One loop turn: hand over what the traffic logic queued, wait for I/O until at most
  // `wake`, and report what happened.
  virtual void turn(std::int64_t now, std::int64_t wake) = 0;
};

}  // namespace apibench::loadgen
