#pragma once
// One load-generator thread: an I/O engine (epoll or io_uring) driving the shared traffic
// logic. run_load builds one per thread and merges their recorders.
#include <cstdint>

#include "loadgen/recorder.hpp"

namespace apibench::loadgen {

class Engine {
 public:
  virtual ~Engine() = default;
  // Connects and runs from begin_ns (warm-up start) until the end of the measured window.
  virtual void run(std::int64_t begin_ns, Window measured) = 0;
  virtual const Recorder& recorder() const = 0;
};

}  // namespace apibench::loadgen
