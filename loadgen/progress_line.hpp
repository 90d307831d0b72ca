#pragma once
// The live progress line of `apibench load`: about once a second, on a terminal only,
// "elapsed, requests/s over the last second, p99 so far, errors", overwritten in place.
// It reads the threads' LiveProgress slots from its own thread, so the generator's hot
// path never waits for it. When `out` is not a terminal (CI logs, pipes) it writes nothing.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

#include "loadgen/live_progress.hpp"

namespace apibench::loadgen {

// One line of progress, without the carriage return; exposed for tests.
std::string format_progress(double elapsed_seconds, double requests_per_second, std::uint64_t p99_ns,
                            std::uint64_t errors);

class ProgressLine {
 public:
  ProgressLine(const LiveProgress& live, std::FILE* out);
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;
  ~ProgressLine();  // stops the thread and clears the line

  bool active() const { return thread_.joinable(); }

 private:
  void loop();
  void print(std::uint64_t& last_requests, std::int64_t& last_ns);

  const LiveProgress& live_;
  std::FILE* out_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace apibench::loadgen
