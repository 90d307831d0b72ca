#include "loadgen/uring_ring.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace apibench::loadgen {
namespace {

// Each turn queues at most a send and a receive re-arm per connection, plus reconnects.
unsigned submission_entries(unsigned connections) {
  return std::bit_ceil(std::clamp(2 * connections + 16, 64u, 32768u));
}

// Enough receive buffers for a burst of responses on every connection before a turn
// recycles them; a receive that finds none ends with ENOBUFS and is re-armed.
unsigned buffer_count(unsigned connections) { return std::bit_ceil(std::clamp(4 * connections, 64u, 8192u)); }

}  // namespace

std::unique_ptr<UringRing> UringRing::create(unsigned connections, std::string& error) {
  std::unique_ptr<UringRing> ring(new UringRing());
  if (const int rc = ring->set_up_ring(connections); rc < 0) {
    error = std::string("io_uring_queue_init: ") + std::strerror(-rc);
    return nullptr;
  }
  if (const int rc = ring->set_up_buffers(connections); rc < 0) {
    error = std::string("io_uring buffer ring: ") + std::strerror(-rc);
    return nullptr;
  }
  return ring;
}

// The cheapest task-work mode first; older kernels refuse its flags with EINVAL.
int UringRing::set_up_ring(unsigned connections) {
  const unsigned entries = submission_entries(connections);
  const unsigned modes[] = {
      IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_SUBMIT_ALL,
      IORING_SETUP_COOP_TASKRUN | IORING_SETUP_SUBMIT_ALL,
      0,
  };
  int rc = -EINVAL;
  for (const unsigned mode : modes) {
    io_uring_params params{};
    params.flags = mode | IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP;  // clamp: never refused for size
    params.cq_entries = 4 * entries;  // multishot receives can complete several times a turn
    rc = io_uring_queue_init_params(entries, &ring_, &params);
    if (rc != -EINVAL) break;
  }
  if (rc < 0) return rc;
  ring_ready_ = true;
  io_uring_register_ring_fd(&ring_);  // saves a file lookup per enter; optional
  return 0;
}

int UringRing::set_up_buffers(unsigned connections) {
  buffer_count_ = buffer_count(connections);
  buffer_ring_bytes_ = buffer_count_ * sizeof(io_uring_buf);
  void* memory = ::mmap(nullptr, buffer_ring_bytes_, PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
  if (memory == MAP_FAILED) return -errno;
  buffer_ring_ = static_cast<io_uring_buf_ring*>(memory);
  io_uring_buf_reg registration{};
  registration.ring_addr = reinterpret_cast<std::uintptr_t>(buffer_ring_);
  registration.ring_entries = buffer_count_;
  registration.bgid = kBufferGroup;
  if (const int rc = io_uring_register_buf_ring(&ring_, &registration, 0); rc < 0) return rc;
  io_uring_buf_ring_init(buffer_ring_);
  buffer_memory_ = std::make_unique_for_overwrite<char[]>(buffer_count_ * kBufferBytes);  // the kernel fills it
  const int mask = io_uring_buf_ring_mask(buffer_count_);
  for (unsigned id = 0; id < buffer_count_; ++id) {
    io_uring_buf_ring_add(buffer_ring_, buffer_memory_.get() + id * kBufferBytes, kBufferBytes,
                          static_cast<unsigned short>(id), mask, static_cast<int>(id));
  }
  io_uring_buf_ring_advance(buffer_ring_, static_cast<int>(buffer_count_));
  return 0;
}

UringRing::~UringRing() {
  if (ring_ready_) io_uring_queue_exit(&ring_);  // cancels whatever is still pending
  if (buffer_ring_ != nullptr) ::munmap(buffer_ring_, buffer_ring_bytes_);
}

io_uring_sqe& UringRing::next_sqe() {
  io_uring_sqe* sqe = io_uring_get_sqe(&ring_);
  while (sqe == nullptr) {
    io_uring_submit(&ring_);
    sqe = io_uring_get_sqe(&ring_);
  }
  return *sqe;
}

void UringRing::submit_and_wait(std::chrono::nanoseconds timeout) {
  const auto ns = std::max<std::int64_t>(timeout.count(), 0);
  __kernel_timespec limit{ns / 1'000'000'000, ns % 1'000'000'000};
  io_uring_cqe* first = nullptr;
  // -ETIME and -EINTR need nothing: the caller's loop comes back.
  io_uring_submit_and_wait_timeout(&ring_, &first, 1, &limit, nullptr);
}

void UringRing::recycle(unsigned id) {
  io_uring_buf_ring_add(buffer_ring_, buffer_memory_.get() + static_cast<std::size_t>(id) * kBufferBytes,
                        kBufferBytes, static_cast<unsigned short>(id), io_uring_buf_ring_mask(buffer_count_), 0);
  io_uring_buf_ring_advance(buffer_ring_, 1);
}

}  // namespace apibench::loadgen
