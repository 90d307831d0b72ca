#pragma once
// Threads for blocking work, apart from the event loops (Tokio's
// spawn_blocking): threads start on demand up to a bound, and a job waits in
// the queue when all are busy. The loops never block; a connection coroutine
// co_awaits spawn_blocking() and is resumed on its own loop when the job ends.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "unique_job.hpp"

namespace apibench::rust_style {

class BlockingPool {
 public:
  // Tokio's default bound on blocking threads.
  static constexpr std::size_t kDefaultMaxThreads = 512;

  explicit BlockingPool(std::size_t max_threads = kDefaultMaxThreads) : max_threads_(max_threads) {}
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;
  // Runs the jobs already queued, then joins every thread.
  ~BlockingPool();

  void submit(UniqueJob job);
  std::size_t threads_started() const;

 private:
  void work();

  const std::size_t max_threads_;
  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<UniqueJob> queue_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace apibench::rust_style
