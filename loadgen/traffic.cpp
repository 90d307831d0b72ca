// The traffic logic's frame and each connection's lifecycle (connect, backoff, timeouts,
// reopen). Responses and sending are in traffic_requests.cpp.
#include "loadgen/traffic.hpp"

#include <algorithm>
#include <chrono>

namespace apibench::loadgen {
namespace {

constexpr std::int64_t kSweepIntervalNs = 10'000'000;  // how often timeouts and retries are checked
constexpr std::int64_t kFirstBackoffNs = 10'000'000;   // a refused connect is retried after this, doubling
constexpr std::int64_t kMaxBackoffNs = 160'000'000;

std::int64_t ns_of(std::chrono::milliseconds ms) { return static_cast<std::int64_t>(ms.count()) * 1'000'000; }

}  // namespace

std::int64_t now_ns() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Traffic::Traffic(const LoadPlan& plan, const ThreadShare& share, Transport& transport)
    : plan_(plan),
      spec_(*plan.spec),
      share_(share),
      transport_(transport),
      picker_(plan.weights, share.index * 7919),
      recorder_(plan.endpoint_names, share.rate > 0, plan.timeline_seconds) {
  connections_.reserve(share.connections);
  for (unsigned i = 0; i < share.connections; ++i) connections_.emplace_back(spec_.pipeline, plan.max_request_bytes);
  dirty_.reserve(share.connections);
}

void Traffic::open_all(std::int64_t now) {
  for (auto& c : connections_) open(c, now);
  next_sweep_ns_ = now + kSweepIntervalNs;
  // Each connect times out at its own deadline, failed by the sweep after it: a bound.
  phase_end_ns_ = now + ns_of(spec_.connect_timeout) + 2 * kSweepIntervalNs;
}

bool Traffic::opening(std::int64_t now) const {
  if (now >= phase_end_ns_ || stopped()) return false;
  return std::any_of(connections_.begin(), connections_.end(),
                     [](const Connection& c) { return c.state == ConnectionState::kConnecting; });
}

void Traffic::start(std::int64_t begin_ns, Window measured) {
  measured_ = measured;
  phase_end_ns_ = measured.end_ns;
  started_ = true;
  const auto open_now = std::count_if(connections_.begin(), connections_.end(),
                                      [](const Connection& c) { return c.state == ConnectionState::kOpen; });
  recorder_.start(measured, static_cast<std::uint64_t>(open_now));
  if (open_loop()) {
    const double interval_ns = 1e9 / share_.rate;
    schedule_ = OpenLoopSchedule(begin_ns + static_cast<std::int64_t>(share_.phase * interval_ns), interval_ns);
  } else {
    for (auto& c : connections_) {
      if (c.state == ConnectionState::kOpen) top_up(c, begin_ns);
    }
  }
}

// Sleep until the next sweep or the end, or the next scheduled send if a connection can take it.
std::int64_t Traffic::prepare_turn(std::int64_t now) {
  if (now >= next_sweep_ns_) sweep(now);
  const bool can_send = started_ && open_loop() && dispatch_due(now);
  const std::int64_t wake = std::min(next_sweep_ns_, phase_end_ns_);
  return can_send ? std::min(wake, schedule_.next_due_ns()) : wake;
}

void Traffic::finish() {
  for (auto& c : connections_) close(c);
  recorder_.finish();
}

Connection* Traffic::find(std::uint64_t token) {
  auto& c = connections_[static_cast<std::uint32_t>(token)];
  return c.generation == static_cast<std::uint32_t>(token >> 32) ? &c : nullptr;
}

void Traffic::open(Connection& c, std::int64_t now) {
  if (!transport_.connect(c, token_of(c))) {
    connect_failed(c, now);
    return;
  }
  c.state = ConnectionState::kConnecting;
  c.deadline_ns = now + ns_of(spec_.connect_timeout);
}

void Traffic::close(Connection& c) {
  transport_.disconnect(c);
  c.fd = -1;
  ++c.generation;
  c.state = ConnectionState::kClosed;
  c.watching_writes = false;
  c.in_flight.clear();
  c.out.clear();
  c.out_written = 0;
  c.parser.reset();
}

void Traffic::connected(Connection& c, std::int64_t now) {
  c.state = ConnectionState::kOpen;
  c.connect_failures = 0;
  if (started_ && !open_loop()) top_up(c, now);
}

void Traffic::connect_failed(Connection& c, std::int64_t now) {
  recorder_.error(now, ErrorKind::kConnect, kNoEndpoint);
  close(c);
  c.state = ConnectionState::kBackoff;
  const auto doublings = std::min(c.connect_failures++, 4u);
  c.deadline_ns = now + std::min(kFirstBackoffNs << doublings, kMaxBackoffNs);
}

// Any failure of an established connection: count it, then reconnect at once.
void Traffic::fail(Connection& c, ErrorKind kind, std::int64_t now) {
  count_error(c, kind, now);
  reopen(c, now);
}

// Against the oldest request unanswered: the one whose response the failure cut off.
void Traffic::count_error(const Connection& c, ErrorKind kind, std::int64_t now) {
  const auto endpoint = c.in_flight.empty() ? kNoEndpoint : plan_.endpoint_of[c.in_flight.front().request];
  recorder_.error(now, kind, endpoint);
}

void Traffic::reopen(Connection& c, std::int64_t now) {
  close(c);
  recorder_.reconnect(now);
  open(c, now);
}

void Traffic::sweep(std::int64_t now) {
  next_sweep_ns_ = now + kSweepIntervalNs;
  const auto request_timeout = ns_of(spec_.request_timeout);
  for (auto& c : connections_) {
    // A refused connection is retried once the clock runs, not while the others open.
    if (c.state == ConnectionState::kBackoff && now >= c.deadline_ns && started_) {
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
