#pragma once
// gort::Runtime: the scheduler. `threads` worker threads (GOMAXPROCS) all run one
// io_context, whose handler queue is the run queue every worker takes from (a
// global queue; see README.md for why not work stealing) and whose epoll reactor
// is the netpoller tasks park on. go() starts a task on a fresh strand.
#include <boost/asio/io_context.hpp>
#include <boost/asio/spawn.hpp>
#include <cstddef>
#include <exception>
#include <utility>

#include "gort/blocking.hpp"
#include "gort/task.hpp"

namespace gort {

class Runtime {
 public:
  // A task's stack. Go starts at 8 KiB and grows; a fiber cannot grow, so this is
  // sized for the deepest handler path with a wide margin (README.md: the deepest
  // request measured uses well under a quarter of it). Only touched pages cost
  // memory. Boost.Coroutine takes the stack from malloc: below glibc's mmap
  // threshold (128 KiB) stacks are carved from the heap back to back, so an idle
  // task costs the pages it used and nothing more; at 256 KiB each stack was a
  // mapping of its own, whose malloc header and unaligned top cost two extra pages.
  static constexpr std::size_t kStackBytes = 64 * 1024;

  explicit Runtime(unsigned threads, std::size_t max_blocking_threads = BlockingPool::kDefaultMaxThreads);
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;
  ~Runtime();

  // Starts fn(Yield) as a new task on its own strand. Safe from any thread.
  template <class Fn>
  void go(Fn&& fn) {
    go_on(make_task_executor(), std::forward<Fn>(fn));
  }

  // Starts a task on a given home strand (e.g. the strand a socket was accepted on).
  template <class Fn>
  void go_on(TaskExecutor home, Fn&& fn) {
    asio::spawn(
        home,
        [fn = std::forward<Fn>(fn)](Yield yield) mutable { run_guarded(fn, yield); },
        boost::coroutines::attributes(kStackBytes));
  }

  TaskExecutor make_task_executor() { return asio::make_strand(context_); }
  asio::io_context& context() { return context_; }
  BlockingPool& blocking() { return blocking_; }
  unsigned threads() const { return threads_; }

  // Runs the workers (the caller is one of them) until every task has finished,
  // then stops the blocking pool's threads.
  void run();

 private:
  // An exception must not escape a task (it would unwind into a worker's run loop),
  // but the fiber's forced-unwind signal must pass through untouched.
  template <class Fn>
  static void run_guarded(Fn& fn, Yield yield) {
    try {
      fn(yield);
    } catch (const boost::coroutines::detail::forced_unwind&) {
      throw;
    } catch (...) {
      report_task_failure(std::current_exception());
    }
  }
  static void report_task_failure(std::exception_ptr error) noexcept;

  unsigned threads_;
  asio::io_context context_;
  BlockingPool blocking_;
};

}  // namespace gort
