#pragma once
// The constant-rate send schedule of one thread in an open loop: the k-th request is due
// at start + k * interval whether or not earlier ones were answered (wrk2's model), so a
// stalled server shows up as latency measured from these intended times.
#include <cstdint>

namespace apibench::loadgen {

class OpenLoopSchedule {
 public:
  OpenLoopSchedule() = default;
  OpenLoopSchedule(std::int64_t start_ns, double interval_ns) : start_ns_(start_ns), interval_ns_(interval_ns) {}

  std::int64_t next_due_ns() const noexcept {
    return start_ns_ + static_cast<std::int64_t>(static_cast<double>(issued_) * interval_ns_);
  }
  void advance() noexcept { ++issued_; }

 private:
  std::int64_t start_ns_ = 0;
  double interval_ns_ = 0;
  std::uint64_t issued_ = 0;
};

}  // namespace apibench::loadgen
