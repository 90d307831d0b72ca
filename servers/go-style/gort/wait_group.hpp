#pragma once
// WaitGroup: Go's sync.WaitGroup. add() before starting work, done() when it
// ends, wait() parks the calling task until the count is back to zero.
#include <cstddef>
#include <mutex>
#include <vector>

#include "gort/park.hpp"

namespace gort {

class WaitGroup {
 public:
  void add(std::size_t n = 1);
  void done();
  void wait(Yield yield);
  std::size_t count() const;

 private:
  mutable std::mutex mutex_;
  std::size_t count_ = 0;
  std::vector<Waker> waiters_;
};

}  // namespace gort
