#pragma once
// How deep a call reaches into the current stack, found the way RTOS kernels find a
// stack's high-water mark: fill the unused stack below the caller with a pattern,
// run the call, then look for the lowest byte that changed. Test-only: it writes
// below the live frames, so the stack must have `span` bytes free beneath the
// caller (a gort task just started has nearly all of Runtime::kStackBytes).
#include <cstddef>

namespace gostyle::test {

class StackProbe {
 public:
  // Fills `span` bytes of stack below the caller's frame with the pattern.
  explicit StackProbe(std::size_t span);

  // The most stack, in bytes below the caller's frame, used since construction.
  std::size_t deepest_use() const;

 private:
  unsigned char* top_;  // the painted area is [top_ - span_, top_)
  std::size_t span_;
};

}  // namespace gostyle::test
