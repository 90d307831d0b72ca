#pragma once
// The requests written on one connection and not yet answered, oldest first (HTTP/1.1
// answers in order). A fixed ring sized to the pipeline depth at setup.
#include <cstdint>
#include <vector>

namespace apibench::loadgen {

struct InFlight {
  std::int64_t intended_ns = 0;  // when the schedule wanted it sent (== sent_ns in a closed loop)
  std::int64_t sent_ns = 0;      // when it was queued for writing
  std::uint32_t request = 0;     // index into LoadSpec::requests
};

class InFlightQueue {
 public:
  explicit InFlightQueue(std::size_t capacity) : slots_(capacity) {}

  std::size_t size() const noexcept { return size_; }
  bool empty() const noexcept { return size_ == 0; }
  bool full() const noexcept { return size_ == slots_.size(); }
  const InFlight& front() const noexcept { return slots_[head_]; }
  void push(const InFlight& request) noexcept {
    slots_[(head_ + size_) % slots_.size()] = request;
    ++size_;
  }
  void pop() noexcept {
    head_ = (head_ + 1) % slots_.size();
    --size_;
  }
  void clear() noexcept { head_ = size_ = 0; }

 private:
  std::vector<InFlight> slots_;
  std::size_t head_ = 0;
  std::size_t size_ = 0;
};

}  // namespace apibench::loadgen
