#pragma once
// Blocking calls, Go style. When a goroutine enters a blocking syscall, Go's
// runtime hands its P to another thread so the other goroutines keep running
// (entersyscall / exitsyscall). Here a task calls BlockingPool::call(): the
// function runs on one of the pool's extra OS threads while the task is parked,
// and the worker thread goes on running other tasks. The hand-off and the answer
// both travel over channels. Threads are created on demand, up to a cap, as Go
// creates Ms when every existing one is stuck in a syscall.
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <type_traits>
#include <vector>

#include "gort/channel.hpp"

namespace gort {

class BlockingPool {
 public:
  static constexpr std::size_t kDefaultMaxThreads = 512;

  explicit BlockingPool(std::size_t max_threads = kDefaultMaxThreads);
  BlockingPool(const BlockingPool&) = delete;
  BlockingPool& operator=(const BlockingPool&) = delete;
  ~BlockingPool();

  // Runs fn() on a pool thread, parks the task until it returns, and returns
  // its result (or rethrows its exception) in the task.
  template <class Fn>
  std::invoke_result_t<Fn&> call(Yield yield, Fn fn);

  // Stops taking calls and joins the threads once their current calls end.
  void close();

  std::size_t thread_count() const;

 private:
  struct Job {
    std::function<void()> run;
    Channel<std::exception_ptr>* done;  // capacity 1: the pool thread never waits on it
  };

  void run_on_pool(Yield yield, std::function<void()> run);
  void claim_thread();
  void thread_main();

  const std::size_t max_threads_;
  Channel<Job> jobs_{0};  // unbuffered: a call is handed to a thread that is free to take it
  std::atomic<std::size_t> idle_{0};  // threads free and not yet claimed by a call
  mutable std::mutex threads_mutex_;
  std::vector<std::thread> threads_;
};

template <class Fn>
std::invoke_result_t<Fn&> BlockingPool::call(Yield yield, Fn fn) {
  using Result = std::invoke_result_t<Fn&>;
  if constexpr (std::is_void_v<Result>) {
    run_on_pool(yield, [&fn] { fn(); });
  } else {
    std::optional<Result> result;
    run_on_pool(yield, [&fn, &result] { result.emplace(fn()); });
    return std::move(*result);
  }
}

}  // namespace gort
