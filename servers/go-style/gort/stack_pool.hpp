#pragma once
// gort::StackPool: task stacks kept for reuse, as Go keeps goroutine stacks on
// per-P free lists. A stack taken from the pool has its pages already faulted in
// and its heap chunk already carved, so starting a task in a burst (1,000
// reconnects after a wave of header timeouts) costs no malloc growth, no page
// faults and no heap trim. The pool is bounded: a stack given back beyond the
// bound is freed, so what the pool keeps is at most max_free stacks' touched pages.
#include <cstddef>
#include <mutex>
#include <vector>

#include <boost/coroutine/stack_context.hpp>

namespace gort {

class StackPool {
 public:
  struct Counts {
    std::size_t fresh = 0;   // stacks taken from malloc
    std::size_t reused = 0;  // stacks taken from the pool
    std::size_t freed = 0;   // stacks given back past the bound, returned to malloc
    std::size_t cached = 0;  // stacks in the pool now
  };

  // Reserves the free list up front: giving a stack back never allocates.
  StackPool(std::size_t stack_bytes, std::size_t max_free);
  StackPool(const StackPool&) = delete;
  StackPool& operator=(const StackPool&) = delete;
  ~StackPool();

  // The lowest address of a stack of stack_bytes(); throws std::bad_alloc.
  void* take();
  // Takes back a stack from take(): kept if the pool has room, else freed.
  void give_back(void* stack);

  std::size_t stack_bytes() const { return stack_bytes_; }
  std::size_t max_free() const { return max_free_; }
  Counts counts() const;

 private:
  const std::size_t stack_bytes_;
  const std::size_t max_free_;
  mutable std::mutex mutex_;
  std::vector<void*> free_;
  Counts counts_;
};

// Boost.Coroutine's StackAllocator concept over a StackPool. Stacks of the pool's
// size come from it; any other size (nothing in gort asks for one) from malloc.
class PooledStackAllocator {
 public:
  explicit PooledStackAllocator(StackPool& pool) : pool_(&pool) {}
  void allocate(boost::coroutines::stack_context& ctx, std::size_t size);
  void deallocate(boost::coroutines::stack_context& ctx);

 private:
  StackPool* pool_;
};

}  // namespace gort
