#pragma once
// SIGTERM and SIGINT as a graceful stop: the signals are blocked in every
// thread and one watcher thread waits for them with sigwait(), so no signal
// handler ever runs inside an event loop.
#include <functional>
#include <thread>

namespace apibench::rust_style {

class ShutdownSignals {
 public:
  // Blocks the signals; call before starting any other thread so all inherit the mask.
  ShutdownSignals();
  ShutdownSignals(const ShutdownSignals&) = delete;
  ShutdownSignals& operator=(const ShutdownSignals&) = delete;
  // Ends the watcher if no signal came.
  ~ShutdownSignals();

  // Calls on_signal (once, on the watcher thread) when a signal arrives.
  void watch(std::function<void()> on_signal);

 private:
  std::thread watcher_;
};

}  // namespace apibench::rust_style
