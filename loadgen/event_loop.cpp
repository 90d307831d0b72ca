// The epoll engine: the loop, readiness events, reads and writes.
#include "loadgen/event_loop.hpp"

namespace apibench::loadgen {
namespace {

constexpr std::size_t kReadBufferBytes = 64 * 1024;

}  // namespace

EventLoop::EventLoop(const LoadPlan& plan, const ThreadShare& share)
    : plan_(plan), read_buffer_(kReadBufferBytes), traffic_(plan, share, *this) {}

void EventLoop::turn(std::int64_t now, std::int64_t wake) {
  flush_dirty();
  for (const auto& event : poller_.wait(std::chrono::nanoseconds(wake - now))) handle(event);
  flush_dirty();
}

bool EventLoop::connect(Connection& c, std::uint64_t token) {
  c.fd = io::start_connect(plan_.address);
  return c.fd >= 0 && poller_.add(c.fd, token, true);
}

void EventLoop::disconnect(Connection& c) {
  io::close_socket(c.fd);  // closing also removes it from the poller
}

void EventLoop::handle(const io::Event& event) {
  Connection* c = traffic_.find(event.token);
  if (c == nullptr) return;  // for a socket since closed
  if (c->state == ConnectionState::kConnecting) {
    on_connected(*c);
    return;
  }
  if (c->state != ConnectionState::kOpen) return;
  if (event.writable && c->watching_writes) flush(*c);
  if (event.readable && c->state == ConnectionState::kOpen && traffic_.find(event.token)) on_readable(*c);
}

void EventLoop::on_connected(Connection& c) {
  const auto now = now_ns();
  if (io::connect_error(c.fd) != 0 || !poller_.modify(c.fd, traffic_.token_of(c), false)) {
    traffic_.connect_failed(c, now);
    return;
  }
  traffic_.connected(c, now);
}

void EventLoop::on_readable(Connection& c) {
  const auto n = io::read_some(c.fd, read_buffer_.data(), read_buffer_.size());
  const auto now = now_ns();
  if (n > 0) {
    traffic_.received(c, std::string_view(read_buffer_.data(), static_cast<std::size_t>(n)), now);
  } else if (n == 0) {
    traffic_.end_of_stream(c, now);
  } else if (n < -1) {
    traffic_.fail(c, ErrorKind::kRead, now);
  }
}

void EventLoop::flush(Connection& c) {
  while (c.out_written < c.out.size()) {
    const auto n = io::write_some(c.fd, c.out.data() + c.out_written, c.out.size() - c.out_written);
    if (n == -1) {  // the socket buffer is full: finish when it drains
      if (!c.watching_writes) c.watching_writes = poller_.modify(c.fd, traffic_.token_of(c), true);
      return;
    }
    if (n <= 0) {
      traffic_.fail(c, ErrorKind::kWrite, now_ns());
      return;
    }
    c.out_written += static_cast<std::size_t>(n);
  }
  c.out.clear();
  c.out_written = 0;
  if (c.watching_writes) c.watching_writes = !poller_.modify(c.fd, traffic_.token_of(c), false);
}

void EventLoop::flush_dirty() {
  traffic_.flush_dirty([this](Connection& c) { flush(c); });
}

}  // namespace apibench::loadgen
