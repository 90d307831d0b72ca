#pragma once
// What a run shows while it goes: each generator thread publishes its counts to its own
// cache line with relaxed stores (p99 once a second), and any other thread may read them.
// Nothing here is shared between generator threads, so the hot path does not contend.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>

namespace apibench::loadgen {

inline constexpr std::size_t kMaxGeneratorThreads = 256;

struct alignas(64) LiveSlot {
  std::atomic<std::uint64_t> requests{0};   // responses counted so far in the measured window
  std::atomic<std::uint64_t> errors{0};
  std::atomic<std::uint64_t> p99_ns{0};     // of this thread's latency so far, refreshed each second
  std::atomic<std::int64_t> quota_met_ns{0};  // when the thread counted its share of -n (0: not yet)
};

struct LiveSnapshot {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::uint64_t p99_ns = 0;  // the highest of the threads' p99s: an upper bound of the merged p99
  std::int64_t measured_start_ns = 0;  // 0 until the threads are released
};

class LiveProgress {
 public:
  LiveSlot& slot(std::size_t thread) { return slots_[thread % kMaxGeneratorThreads]; }
  void set_measured_start(std::int64_t ns) { measured_start_ns_.store(ns, std::memory_order_relaxed); }

  LiveSnapshot snapshot() const {
    LiveSnapshot s;
    s.measured_start_ns = measured_start_ns_.load(std::memory_order_relaxed);
    for (const auto& slot : slots_) {
      s.requests += slot.requests.load(std::memory_order_relaxed);
      s.errors += slot.errors.load(std::memory_order_relaxed);
      const auto p99 = slot.p99_ns.load(std::memory_order_relaxed);
      s.p99_ns = p99 > s.p99_ns ? p99 : s.p99_ns;
    }
    return s;
  }

 private:
  std::array<LiveSlot, kMaxGeneratorThreads> slots_{};
  std::atomic<std::int64_t> measured_start_ns_{0};
};

}  // namespace apibench::loadgen
