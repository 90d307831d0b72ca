#pragma once
// The header timeout of a head that did not arrive in one read. Armed once per
// such head (not once per read, as a Beast stream's timer is), it closes the
// socket when the head is not whole in time, which ends the task's pending wait
// for more bytes. Lives on the connection's strand, as the task does.
#include <chrono>
#include <cstdint>
#include <memory>

#include <boost/asio/basic_waitable_timer.hpp>

#include "gort/task.hpp"
#include "http/types.hpp"

namespace gohttp {

class HeadDeadline {
 public:
  explicit HeadDeadline(Socket& socket);
  HeadDeadline(const HeadDeadline&) = delete;
  HeadDeadline& operator=(const HeadDeadline&) = delete;
  ~HeadDeadline();

  bool armed() const { return state_->armed; }
  // Closes the socket at `when` unless disarmed first.
  void arm(std::chrono::steady_clock::time_point when);
  void disarm();
  // True once the deadline closed the socket.
  bool passed() const { return state_->passed; }

 private:
  // Shared with the timer's handler, which may run after a disarm (it was
  // already queued) or after this object is gone: it acts only on the arming
  // it was started for.
  struct State {
    std::uint64_t arming = 0;
    bool armed = false;
    bool passed = false;
  };
  using Timer = boost::asio::basic_waitable_timer<std::chrono::steady_clock,
                                                  boost::asio::wait_traits<std::chrono::steady_clock>,
                                                  gort::TaskExecutor>;

  Socket& socket_;
  Timer timer_;
  std::shared_ptr<State> state_ = std::make_shared<State>();
};

}  // namespace gohttp
