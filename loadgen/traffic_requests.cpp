// The traffic logic's requests and responses: parsing and completing what arrives, and
// queueing requests (refilled in a closed loop, on schedule in an open loop).
#include "loadgen/traffic.hpp"

namespace apibench::loadgen {

// A close between responses is the server's right (keep-alive ended); in the middle of one,
// or with requests unanswered, it is a read error. A body that runs to the close ends here.
void Traffic::end_of_stream(Connection& c, std::int64_t now) {
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

void Traffic::received(Connection& c, std::string_view data, std::int64_t now) {
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

void Traffic::complete(Connection& c, const ResponseHead& head, std::int64_t now) {
  const InFlight request = c.in_flight.front();
  c.in_flight.pop();
  recorder_.response(now, request, plan_.endpoint_of[request.request], head.status);
  if (!open_loop() && !head.close) top_up(c, now);
}

void Traffic::enqueue(Connection& c, std::int64_t intended, std::int64_t now) {
  const auto request = picker_.next();
  c.out.append(spec_.requests[request].raw);
  c.in_flight.push({intended, now, request});
  recorder_.sent(now);
  if (!c.dirty) {
    c.dirty = true;
    dirty_.push_back(index_of(c));
  }
}

void Traffic::top_up(Connection& c, std::int64_t now) {
  while (!c.in_flight.full()) enqueue(c, now, now);
}

// Queues every request whose time has come while a connection can take it; true when a
// connection is still free (so the engine should wake for the next scheduled send).
bool Traffic::dispatch_due(std::int64_t now) {
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
Connection* Traffic::find_free_connection() {
  for (std::size_t tried = 0; tried < connections_.size(); ++tried) {
    auto& c = connections_[free_cursor_];
    free_cursor_ = free_cursor_ + 1 == connections_.size() ? 0 : free_cursor_ + 1;
    if (c.state == ConnectionState::kOpen && !c.in_flight.full()) return &c;
  }
  return nullptr;
}

}  // namespace apibench::loadgen
