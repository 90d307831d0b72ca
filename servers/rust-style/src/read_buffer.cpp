#include "read_buffer.hpp"

#include <algorithm>
#include <cstring>

namespace apibench::rust_style {

void ReadBuffer::consume(std::size_t n) noexcept {
  begin_ += n;
  if (begin_ == end_) begin_ = end_ = 0;  // the common case: no bytes move at all
}

std::span<char> ReadBuffer::prepare(std::size_t total) {
  const std::size_t wanted = std::max(total, size() + kMinRead);
  if (wanted > capacity_) {
    const std::size_t grown = std::max(wanted, capacity_ * 2);
    auto bigger = std::make_unique_for_overwrite<char[]>(grown);
    std::memcpy(bigger.get(), data_.get() + begin_, size());
    data_ = std::move(bigger);
    capacity_ = grown;
    end_ -= begin_;
    begin_ = 0;
  } else if (capacity_ - end_ < kMinRead || capacity_ - begin_ < wanted) {
    std::memmove(data_.get(), data_.get() + begin_, size());
    end_ -= begin_;
    begin_ = 0;
  }
  return {data_.get() + end_, capacity_ - end_};
}

void ReadBuffer::shrink_if_idle() {
  if (empty() && capacity_ > kShrinkAbove) {
    data_ = std::make_unique_for_overwrite<char[]>(kInitialCapacity);
    capacity_ = kInitialCapacity;
  }
}

}  // namespace apibench::rust_style
