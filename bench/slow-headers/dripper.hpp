#pragma once
// The slow-header connections, driven by one thread's epoll loop over non-blocking
// sockets (loadgen's socket layer). Each connection sends one byte of a request head
// that never ends on its turn (drip_schedule.hpp); one the server closes is counted
// as dropped and opened again, so the server faces N of them for the whole run.
#include <atomic>

#include "drop_log.hpp"
#include "options.hpp"

namespace apibench::slow_headers {

// Runs until options.duration is over or `stop` is raised, then closes every
// connection and returns what happened. Throws std::runtime_error when the host
// cannot be resolved or the kernel refuses an epoll instance.
DropLog drip(const Options& options, const std::atomic<bool>& stop);

}  // namespace apibench::slow_headers
