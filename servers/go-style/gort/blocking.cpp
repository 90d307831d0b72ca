#include "gort/blocking.hpp"

#include <utility>

#include "contract/batch_scheduling.hpp"

namespace gort {

BlockingPool::BlockingPool(std::size_t max_threads) : max_threads_(max_threads == 0 ? 1 : max_threads) {}

BlockingPool::~BlockingPool() { close(); }

void BlockingPool::run_on_pool(Yield yield, std::function<void()> run) {
  // The job and its answer channel live on this task's stack: the task stays
  // parked until the answer arrives, so both outlive the pool thread's use of them.
  Channel<std::exception_ptr> done(1);
  claim_thread();
  if (!jobs_.send(Job{std::move(run), &done}, yield)) throw std::runtime_error("blocking pool is closed");
  std::optional<std::exception_ptr> error = done.receive(yield);
  if (error && *error) std::rethrow_exception(*error);
}

void BlockingPool::claim_thread() {
  // Claim an idle thread, or start one that begins life claimed by this call, so
  // that no two calls count on the same idle thread.
  std::size_t idle = idle_.load();
  while (idle > 0) {
    if (idle_.compare_exchange_weak(idle, idle - 1)) return;
  }
  std::lock_guard lock(threads_mutex_);
  if (threads_.size() >= max_threads_) return;  // past the cap, calls wait for a free thread
  threads_.emplace_back([this] { thread_main(); });
}

void BlockingPool::thread_main() {
  // A pool thread waking from its call must not preempt the worker threads
  // (contract/batch_scheduling.hpp says why; Go's runtime gets the same effect
  // because a thread leaving a syscall must re-acquire a P first).
  apibench::contract::enter_batch_scheduling();
  for (;;) {
    std::optional<Job> job = jobs_.receive();
    if (!job) return;  // closed
    std::exception_ptr error;
    try {
      job->run();
    } catch (...) {
      error = std::current_exception();
    }
    job->done->send(error);
    ++idle_;
  }
}

void BlockingPool::close() {
  jobs_.close();
  std::vector<std::thread> threads;
  {
    std::lock_guard lock(threads_mutex_);
    threads.swap(threads_);
  }
  for (std::thread& t : threads) t.join();
}

std::size_t BlockingPool::thread_count() const {
  std::lock_guard lock(threads_mutex_);
  return threads_.size();
}

}  // namespace gort
