#pragma once
// The run's end when it is not just the end of the window: with a request count (-n) each
// thread counts its share, and a watcher stops every thread once all shares are met (or the
// caller's stop is raised). Also where each thread publishes its live progress.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>

#include "loadgen/live_progress.hpp"
#include "loadgen/load.hpp"
#include "loadgen/recorder.hpp"

namespace apibench::loadgen {

class RunControl {
 public:
  RunControl(const LoadSpec& spec, unsigned threads, LiveProgress* live);

  // The spec the threads run: the caller's, or with -n a copy whose stop is the run's own.
  const LoadSpec& spec() const { return counted_ ? own_spec_ : caller_spec_; }
  void released(const Window& measured);       // the threads are off; called once
  Window window_for(std::size_t thread) const;  // the measured window with the thread's quota and slot
  void thread_finished() { finished_.fetch_add(1, std::memory_order_release); }
  // With -n: returns once every thread finished, raising the stop when all quotas are met
  // (or the caller's stop is raised). Without, returns at once.
  void watch();
  // The measured time: to the last quota met, or the window's end, whichever came first.
  std::chrono::nanoseconds elapsed() const;

 private:
  // Reads no window: the watcher calls it while the barrier's completion writes measured_.
  bool all_quotas_met() const;
  std::uint64_t quota_for(std::size_t thread) const;  // with -n only

  const LoadSpec& caller_spec_;
  bool counted_;
  LoadSpec own_spec_;
  std::atomic<bool> stop_{false};
  unsigned threads_;
  std::unique_ptr<LiveProgress> own_live_;
  LiveProgress* live_;
  Window measured_;
  std::atomic<unsigned> finished_{0};
};

}  // namespace apibench::loadgen
