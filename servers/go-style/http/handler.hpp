#pragma once
// What the connection loop calls: Go's http.Handler, plus the two things the
// loop needs from the application before a handler runs.
#include <cstddef>

#include "gort/task.hpp"
#include "http/types.hpp"

namespace gohttp {

class Handler {
 public:
  virtual ~Handler() = default;

  // Answers one complete request; may park the task (I/O, channels, blocking calls).
  virtual Response serve(Request& request, gort::Yield yield) = 0;

  // The largest body this request (its head parsed, its body not yet read) may carry.
  virtual std::size_t body_limit(const Request& head) const = 0;

  // Counts a response the connection sent on its own (malformed request, limit hit).
  virtual void record_rejection(const Request& head, int status) = 0;
};

}  // namespace gohttp
