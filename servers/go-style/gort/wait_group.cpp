#include "gort/wait_group.hpp"

#include <utility>

namespace gort {

void WaitGroup::add(std::size_t n) {
  std::lock_guard lock(mutex_);
  count_ += n;
}

void WaitGroup::done() {
  std::vector<Waker> to_wake;
  {
    std::lock_guard lock(mutex_);
    if (count_ == 0) return;  // Go panics on a negative count; here it is ignored
    if (--count_ == 0) to_wake.swap(waiters_);
  }
  for (Waker& w : to_wake) w.wake();
}

void WaitGroup::wait(Yield yield) {
  std::unique_lock lock(mutex_);
  if (count_ == 0) return;
  park(yield, [&](Waker waker) {
    waiters_.push_back(std::move(waker));
    lock.unlock();
  });
}

std::size_t WaitGroup::count() const {
  std::lock_guard lock(mutex_);
  return count_;
}

}  // namespace gort
