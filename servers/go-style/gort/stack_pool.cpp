#include "gort/stack_pool.hpp"

#include <sanitizer/asan_interface.h>

#include <cstdlib>
#include <new>

namespace gort {

StackPool::StackPool(std::size_t stack_bytes, std::size_t max_free) : stack_bytes_(stack_bytes), max_free_(max_free) {
  free_.reserve(max_free_);
}

StackPool::~StackPool() {
  for (void* stack : free_) std::free(stack);
}

void* StackPool::take() {
  {
    std::lock_guard lock(mutex_);
    if (!free_.empty()) {
      void* stack = free_.back();
      free_.pop_back();
      ++counts_.reused;
      return stack;
    }
    ++counts_.fresh;
  }
  void* stack = std::malloc(stack_bytes_);
  if (stack == nullptr) throw std::bad_alloc();
  return stack;
}

void StackPool::give_back(void* stack) {
  // A task that ended by unwinding leaves its frames' redzones poisoned under
  // AddressSanitizer; the next task on this stack must start from clean shadow,
  // as a fresh malloc chunk does. (A no-op without ASan.)
  ASAN_UNPOISON_MEMORY_REGION(stack, stack_bytes_);
  {
    std::lock_guard lock(mutex_);
    if (free_.size() < max_free_) {
      free_.push_back(stack);
      return;
    }
    ++counts_.freed;
  }
  std::free(stack);
}

StackPool::Counts StackPool::counts() const {
  std::lock_guard lock(mutex_);
  Counts counts = counts_;
  counts.cached = free_.size();
  return counts;
}

void PooledStackAllocator::allocate(boost::coroutines::stack_context& ctx, std::size_t size) {
  void* stack = size == pool_->stack_bytes() ? pool_->take() : std::malloc(size);
  if (stack == nullptr) throw std::bad_alloc();
  ctx.size = size;
  ctx.sp = static_cast<char*>(stack) + size;  // stacks grow down from the top
}

void PooledStackAllocator::deallocate(boost::coroutines::stack_context& ctx) {
  void* stack = static_cast<char*>(ctx.sp) - ctx.size;
  if (ctx.size == pool_->stack_bytes()) {
    pool_->give_back(stack);
  } else {
    std::free(stack);
  }
}

}  // namespace gort
