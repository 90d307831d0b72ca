#pragma once
// An io_uring instance for one load-generator thread, with a ring of provided receive
// buffers (so a multishot receive per connection needs no buffer of its own and no re-arm).
// Set up for one issuer that reaps completions only when it waits (DEFER_TASKRUN), so the
// kernel does the network work inside the one io_uring_enter of each loop turn.
#include <liburing.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace apibench::loadgen {

class UringRing {
 public:
  static constexpr std::uint16_t kBufferGroup = 0;

  // A ring sized for `connections`, or nullptr and the reason in `error` when the kernel
  // refuses io_uring or a feature this engine needs (ENOSYS, EPERM, a kernel before 5.19).
  static std::unique_ptr<UringRing> create(unsigned connections, std::string& error);
  UringRing(const UringRing&) = delete;
  UringRing& operator=(const UringRing&) = delete;
  ~UringRing();

  // A free submission entry, submitting what is queued first when the queue is full.
  io_uring_sqe& next_sqe();
  // Submits everything queued and waits until a completion arrives or `timeout` passes.
  void submit_and_wait(std::chrono::nanoseconds timeout);

  // Calls handle(cqe) for every completion that has arrived, then frees their slots.
  template <class Handle>
  void drain(Handle&& handle) {
    unsigned head = 0;
    unsigned seen = 0;
    io_uring_cqe* cqe = nullptr;
    io_uring_for_each_cqe(&ring_, head, cqe) {
      handle(*cqe);
      ++seen;
    }
    io_uring_cq_advance(&ring_, seen);
  }

  // The bytes a receive completion put in provided buffer `id`; give it back with recycle().
  std::string_view buffer(unsigned id, std::size_t bytes) const {
    return {buffer_memory_.get() + static_cast<std::size_t>(id) * kBufferBytes, bytes};
  }
  void recycle(unsigned id);

 private:
  static constexpr std::size_t kBufferBytes = 8 * 1024;

  UringRing() = default;
  int set_up_ring(unsigned connections);
  int set_up_buffers(unsigned connections);

  io_uring ring_{};
  bool ring_ready_ = false;
  io_uring_buf_ring* buffer_ring_ = nullptr;  // shared with the kernel: page-aligned, mmap'd
  std::size_t buffer_ring_bytes_ = 0;
  unsigned buffer_count_ = 0;
  std::unique_ptr<char[]> buffer_memory_;
};

}  // namespace apibench::loadgen
