// The event loop's frame: setup, the loop itself, and each connection's lifecycle
// (connect, backoff, timeouts, reopen). Reading and sending are in event_loop_traffic.cpp.
#include "loadgen/event_loop.hpp"

#include <algorithm>
#include <chrono>

namespace apibench::loadgen {
namespace {

constexpr std::int64_t kSweepIntervalNs = 10'000'000;  // how often timeouts and retries are checked
constexpr std::int64_t kFirstBackoffNs = 10'000'000;   // a refused connect is retried after this, doubling
constexpr std::int64_t kMaxBackoffNs = 160'000'000;
constexpr std::size_t kReadBufferBytes = 64 * 1024;

std::int64_t ns_of(std::chrono::milliseconds ms) { return static_cast<std::int64_t>(ms.count()) * 1'000'000; }

}  // namespace

std::int64_t now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

EventLoop::EventLoop(const LoadPlan& plan, const ThreadShare& share)
    : plan_(plan),
      spec_(*plan.spec),
      share_(share),
      read_buffer_(kReadBufferBytes),
      picker_(plan.weights, share.index * 7919),
      recorder_(plan.endpoint_names, share.rate > 0, plan.timeline_seconds) {
  connections_.reserve(share.connections);
  for (unsigned i = 0; i < share.connections; ++i) connections_.emplace_back(spec_.pipeline, plan.max_request_bytes);
  dirty_.reserve(share.connections);
}

void EventLoop::run(std::int64_t begin_ns, Window measured) {
  measured_ = measured;
  recorder_.start(measured);
  if (open_loop()) {
    const double interval_ns = 1e9 / share_.rate;
    schedule_ = OpenLoopSchedule(begin_ns + static_cast<std::int64_t>(share_.phase * interval_ns), interval_ns);
  }
  for (auto& c : connections_) open(c, begin_ns);
  next_sweep_ns_ = begin_ns + kSweepIntervalNs;
  for (std::int64_t now = now_ns(); now < measured.end_ns; now = now_ns()) {
    if (now >= next_sweep_ns_) sweep(now);
    const bool can_send = open_loop() && dispatch_due(now);
    flush_dirty();
    for (const auto& event : poller_.wait(std::chrono::nanoseconds(wake_time(can_send) - now))) handle(event);
    flush_dirty();
  }
  for (auto& c : connections_) close(c);
  recorder_.finish();
}

// Sleep until the next sweep or the end, or the next scheduled send if a connection can take it.
std::int64_t EventLoop::wake_time(bool can_send) const {
  const std::int64_t wake = std::min(next_sweep_ns_, measured_.end_ns);
  return can_send ? std::min(wake, schedule_.next_due_ns()) : wake;
}

std::uint32_t EventLoop::index_of(const Connection& c) const {
  return static_cast<std::uint32_t>(&c - connections_.data());
}

void EventLoop::open(Connection& c, std::int64_t now) {
  c.fd = io::start_connect(plan_.address);
  if (c.fd < 0 || !poller_.add(c.fd, c.token(index_of(c)), true)) {
    connect_failed(c, now);
    return;
  }
  c.state = ConnectionState::kConnecting;
  c.deadline_ns = now + ns_of(spec_.connect_timeout);
}

void EventLoop::close(Connection& c) {
  io::close_socket(c.fd);  // closing also removes it from the poller
  c.fd = -1;
  ++c.generation;
  c.state = ConnectionState::kClosed;
  c.watching_writes = false;
  c.in_flight.clear();
  c.out.clear();
  c.out_written = 0;
  c.parser.reset();
}

void EventLoop::connect_failed(Connection& c, std::int64_t now) {
  recorder_.error(now, ErrorKind::kConnect);
  close(c);
  c.state = ConnectionState::kBackoff;
  const auto doublings = std::min(c.connect_failures++, 4u);
  c.deadline_ns = now + std::min(kFirstBackoffNs << doublings, kMaxBackoffNs);
}

// Any failure of an established connection: count it, then reconnect at once.
void EventLoop::fail(Connection& c, ErrorKind kind, std::int64_t now) {
  recorder_.error(now, kind);
  reopen(c, now);
}

void EventLoop::reopen(Connection& c, std::int64_t now) {
  close(c);
  recorder_.reconnect(now);
  open(c, now);
}

void EventLoop::sweep(std::int64_t now) {
  next_sweep_ns_ = now + kSweepIntervalNs;
  const auto request_timeout = ns_of(spec_.request_timeout);
  for (auto& c : connections_) {
    if (c.state == ConnectionState::kBackoff && now >= c.deadline_ns) {
      open(c, now);
    } else if (c.state == ConnectionState::kConnecting && now >= c.deadline_ns) {
      connect_failed(c, now);
    } else if (c.state == ConnectionState::kOpen && !c.in_flight.empty() &&
               now - c.in_flight.front().sent_ns > request_timeout) {
      fail(c, ErrorKind::kTimeout, now);
    }
  }
}

}  // namespace apibench::loadgen
