// The event loop's traffic: readiness events, response parsing and completion, and
// queueing requests (refilled in a closed loop, on schedule in an open loop).
#include "loadgen/event_loop.hpp"

namespace apibench::loadgen {

void EventLoop::handle(const io::Event& event) {
  auto& c = connections_[static_cast<std::uint32_t>(event.token)];
  if (c.generation != static_cast<std::uint32_t>(event.token >> 32)) return;  // for a socket since closed
  if (c.state == ConnectionState::kConnecting) {
    on_connected(c);
    return;
  }
  if (c.state != ConnectionState::kOpen) return;
  if (event.writable && c.watching_writes) flush(c);
  if (event.readable && c.state == ConnectionState::kOpen && c.generation == (event.token >> 32)) on_readable(c);
}

void EventLoop::on_connected(Connection& c) {
  const auto now = now_ns();
  if (io::connect_error(c.fd) != 0 || !poller_.modify(c.fd, c.token(index_of(c)), false)) {
    connect_failed(c, now);
    return;
  }
  c.state = ConnectionState::kOpen;
  c.connect_failures = 0;
  if (!open_loop()) top_up(c, now);
}

void EventLoop::on_readable(Connection& c) {
  const auto n = io::read_some(c.fd, read_buffer_.data(), read_buffer_.size());
  const auto now = now_ns();
  if (n > 0) {
    consume(c, std::string_view(read_buffer_.data(), static_cast<std::size_t>(n)), now);
  } else if (n == 0) {
    on_end_of_stream(c, now);
  } else if (n < -1) {
    fail(c, ErrorKind::kRead, now);
  }
}

// A close between responses is the server's right (keep-alive ended); in the middle of one,
// or with requests unanswered, it is a read error. A body that runs to the close ends here.
void EventLoop::on_end_of_stream(Connection& c, std::int64_t now) {
  const bool between_responses = c.parser.idle() && c.in_flight.empty();
  if (c.parser.finish_at_eof() && !c.in_flight.empty()) {
    complete(c, c.parser.response(), now);
    reopen(c, now);
  } else if (between_responses) {
    reopen(c, now);
  } else {
    fail(c, ErrorKind::kRead, now);
  }
}

void EventLoop::consume(Connection& c, std::string_view data, std::int64_t now) {
  while (!data.empty()) {
    if (c.in_flight.empty()) {  // bytes nobody asked for: the framing went wrong
      fail(c, ErrorKind::kBadResponse, now);
      return;
    }
    const auto step = c.parser.feed(data, plan_.head_request[c.in_flight.front().request]);
    data.remove_prefix(step.consumed);
    if (step.outcome == ResponseParser::Outcome::kError) {
      fail(c, ErrorKind::kBadResponse, now);
      return;
    }
    if (step.outcome == ResponseParser::Outcome::kResponse) {
      const ResponseHead head = c.parser.response();
      complete(c, head, now);
      if (head.close) {  // announced: not an error; unanswered pipelined requests are dropped
        reopen(c, now);
        return;
      }
    }
  }
}

void EventLoop::complete(Connection& c, const ResponseHead& head, std::int64_t now) {
  const InFlight request = c.in_flight.front();
  c.in_flight.pop();
  recorder_.response(now, request, plan_.endpoint_of[request.request], head.status);
  if (!open_loop() && !head.close) top_up(c, now);
}

void EventLoop::enqueue(Connection& c, std::int64_t intended, std::int64_t now) {
  const auto request = picker_.next();
  c.out.append(spec_.requests[request].raw);
  c.in_flight.push({intended, now, request});
  recorder_.sent(now);
  if (!c.dirty) {
    c.dirty = true;
    dirty_.push_back(index_of(c));
  }
}

void EventLoop::top_up(Connection& c, std::int64_t now) {
  while (!c.in_flight.full()) enqueue(c, now, now);
}

// Sends every request whose time has come while a connection can take it; true when a
// connection is still free (so the loop should wake for the next scheduled send).
bool EventLoop::dispatch_due(std::int64_t now) {
  while (true) {
    Connection* c = find_free_connection();
    if (c == nullptr) return false;
    const auto due = schedule_.next_due_ns();
    if (due > now) return true;
    enqueue(*c, due, now);
    schedule_.advance();
  }
}

// Round robin from where the last search stopped, so load spreads over the connections.
Connection* EventLoop::find_free_connection() {
  for (std::size_t tried = 0; tried < connections_.size(); ++tried) {
    auto& c = connections_[free_cursor_];
    free_cursor_ = free_cursor_ + 1 == connections_.size() ? 0 : free_cursor_ + 1;
    if (c.state == ConnectionState::kOpen && !c.in_flight.full()) return &c;
  }
  return nullptr;
}

void EventLoop::flush(Connection& c) {
  while (c.out_written < c.out.size()) {
    const auto n = io::write_some(c.fd, c.out.data() + c.out_written, c.out.size() - c.out_written);
    if (n == -1) {  // the socket buffer is full: finish when it drains
      if (!c.watching_writes) c.watching_writes = poller_.modify(c.fd, c.token(index_of(c)), true);
      return;
    }
    if (n <= 0) {
      fail(c, ErrorKind::kWrite, now_ns());
      return;
    }
    c.out_written += static_cast<std::size_t>(n);
  }
  c.out.clear();
  c.out_written = 0;
  if (c.watching_writes) c.watching_writes = !poller_.modify(c.fd, c.token(index_of(c)), false);
}

void EventLoop::flush_dirty() {
  for (const auto index : dirty_) {
    auto& c = connections_[index];
    c.dirty = false;
    if (c.state == ConnectionState::kOpen) flush(c);
  }
  dirty_.clear();
}

}  // namespace apibench::loadgen
