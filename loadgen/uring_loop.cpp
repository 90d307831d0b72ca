// The io_uring engine: the loop, submissions and completions.
#include "loadgen/uring_loop.hpp"

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <stdexcept>
#include <utility>

#include "loadgen/socket_io.hpp"

namespace apibench::loadgen {
namespace {

// user_data: the connection token (generation << 32 | index) with the operation in bits 30-31.
constexpr unsigned kOpShift = 30;
constexpr std::uint64_t kOpMask = std::uint64_t{3} << kOpShift;

}  // namespace

UringLoop::UringLoop(const LoadPlan& plan, const ThreadShare& share, std::unique_ptr<UringRing> ring)
    : plan_(plan), outboxes_(share.connections), ring_(std::move(ring)), traffic_(plan, share, *this) {
  if (share.connections > (1u << kOpShift)) throw std::invalid_argument("io_uring engine: too many connections");
  for (auto& outbox : outboxes_) outbox.wire.reserve(plan.spec->pipeline * plan.max_request_bytes);
}

void UringLoop::turn(std::int64_t now, std::int64_t wake) {
  traffic_.flush_dirty([this](Connection& c) { start_send(c); });
  ring_->submit_and_wait(std::chrono::nanoseconds(wake - now));
  ring_->drain([this](const io_uring_cqe& cqe) { on_completion(cqe); });
}

// A non-blocking connect, then a one-shot poll for its outcome.
bool UringLoop::connect(Connection& c, std::uint64_t token) {
  c.fd = io::start_connect(plan_.address);
  if (c.fd < 0) return false;
  auto& sqe = ring_->next_sqe();
  io_uring_prep_poll_add(&sqe, c.fd, POLLOUT);
  submit(sqe, token, Op::kConnect);
  return true;
}

// Shutting down first ends the receive and any poll or send still armed on the socket
// (they hold the file open past close); their completions come back with a stale token.
void UringLoop::disconnect(Connection& c) {
  if (c.fd < 0) return;
  ::shutdown(c.fd, SHUT_RDWR);
  io::close_socket(c.fd);
  auto& outbox = outbox_of(c);
  if (!outbox.pending) outbox.wire.clear();
}

void UringLoop::submit(io_uring_sqe& sqe, std::uint64_t token, Op op) {
  io_uring_sqe_set_data64(&sqe, token | (static_cast<std::uint64_t>(op) << kOpShift));
}

void UringLoop::arm_receive(Connection& c) {
  auto& sqe = ring_->next_sqe();
  io_uring_prep_recv_multishot(&sqe, c.fd, nullptr, 0, 0);
  sqe.flags |= IOSQE_BUFFER_SELECT;
  sqe.buf_group = UringRing::kBufferGroup;
  submit(sqe, traffic_.token_of(c), Op::kReceive);
}

// Hands what the traffic logic queued to the kernel, unless a send is still under way
// (its completion calls this again).
void UringLoop::start_send(Connection& c) {
  auto& outbox = outbox_of(c);
  if (outbox.pending || c.out.empty()) return;
  std::swap(outbox.wire, c.out);
  c.out.clear();
  outbox.sent = 0;
  send_wire(c, outbox);
}

void UringLoop::send_wire(Connection& c, Outbox& outbox) {
  auto& sqe = ring_->next_sqe();
  // MSG_WAITALL: the kernel finishes a short send itself instead of completing early.
  io_uring_prep_send(&sqe, c.fd, outbox.wire.data() + outbox.sent, outbox.wire.size() - outbox.sent,
                     MSG_NOSIGNAL | MSG_WAITALL);
  submit(sqe, traffic_.token_of(c), Op::kSend);
  outbox.pending = true;
}

void UringLoop::on_completion(const io_uring_cqe& cqe) {
  const std::uint64_t data = io_uring_cqe_get_data64(&cqe);
  const std::uint64_t token = data & ~kOpMask;
  switch (static_cast<Op>((data & kOpMask) >> kOpShift)) {
    case Op::kConnect:
      on_connect(token, cqe.res);
      break;
    case Op::kReceive:
      on_receive(token, cqe);
      break;
    case Op::kSend:
      on_send(token, cqe.res);
      break;
  }
}

void UringLoop::on_connect(std::uint64_t token, int result) {
  Connection* c = traffic_.find(token);
  if (c == nullptr || c->state != ConnectionState::kConnecting) return;
  const auto now = now_ns();
  if (result < 0 || io::connect_error(c->fd) != 0) {
    traffic_.connect_failed(*c, now);
    return;
  }
  arm_receive(*c);
  traffic_.connected(*c, now);
}

void UringLoop::on_receive(std::uint64_t token, const io_uring_cqe& cqe) {
  const bool has_buffer = (cqe.flags & IORING_CQE_F_BUFFER) != 0;
  const unsigned buffer = cqe.flags >> IORING_CQE_BUFFER_SHIFT;
  Connection* c = traffic_.find(token);
  if (c != nullptr && c->state == ConnectionState::kOpen) {
    const auto now = now_ns();
    if (cqe.res > 0) {
      traffic_.received(*c, ring_->buffer(buffer, static_cast<std::size_t>(cqe.res)), now);
    } else if (cqe.res == 0) {
      traffic_.end_of_stream(*c, now);
    } else if (cqe.res != -ENOBUFS) {
      traffic_.fail(*c, ErrorKind::kRead, now);
    }
  }
  if (has_buffer) ring_->recycle(buffer);
  // The multishot receive has ended (out of buffers, say) on a connection still open.
  if ((cqe.flags & IORING_CQE_F_MORE) == 0 && (c = traffic_.find(token)) != nullptr &&
      c->state == ConnectionState::kOpen) {
    arm_receive(*c);
  }
}

void UringLoop::on_send(std::uint64_t token, int result) {
  const auto index = static_cast<std::uint32_t>(token);
  auto& outbox = outboxes_[index];
  outbox.pending = false;
  Connection* c = traffic_.find(token);
  if (c == nullptr || c->state != ConnectionState::kOpen) {  // the socket it was for is closed
    outbox.wire.clear();
    auto& now_there = traffic_.connections()[index];
    if (now_there.state == ConnectionState::kOpen) start_send(now_there);
    return;
  }
  if (result <= 0) {
    outbox.wire.clear();
    traffic_.fail(*c, ErrorKind::kWrite, now_ns());
    return;
  }
  outbox.sent += static_cast<std::size_t>(result);
  if (outbox.sent < outbox.wire.size()) {
    send_wire(*c, outbox);
    return;
  }
  outbox.wire.clear();
  start_send(*c);  // what was queued while this send was under way
}

}  // namespace apibench::loadgen
