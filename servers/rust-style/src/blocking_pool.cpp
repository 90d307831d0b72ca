#include "blocking_pool.hpp"

#include "contract/batch_scheduling.hpp"

namespace apibench::rust_style {

BlockingPool::~BlockingPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& t : threads_) t.join();
}

void BlockingPool::submit(UniqueJob job) {
  std::unique_lock lock(mutex_);
  queue_.push_back(std::move(job));
  if (idle_ == 0 && threads_.size() < max_threads_) {
    threads_.emplace_back([this] { work(); });
    return;
  }
  lock.unlock();
  ready_.notify_one();
}

std::size_t BlockingPool::threads_started() const {
  std::lock_guard lock(mutex_);
  return threads_.size();
}

void BlockingPool::work() {
  // A job's thread waking (64 sleeps in /work ending together) must not preempt
  // the event loops: contract/batch_scheduling.hpp says why.
  apibench::contract::enter_batch_scheduling();
  std::unique_lock lock(mutex_);
  for (;;) {
    ++idle_;
    ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
    --idle_;
    if (queue_.empty()) return;  // stopping, and nothing left to run
    UniqueJob job = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    job();
    lock.lock();
  }
}

}  // namespace apibench::rust_style
