#include "http/head_deadline.hpp"

namespace gohttp {

HeadDeadline::HeadDeadline(Socket& socket) : socket_(socket), timer_(socket.get_executor()) {}

HeadDeadline::~HeadDeadline() { disarm(); }

void HeadDeadline::arm(std::chrono::steady_clock::time_point when) {
  State& state = *state_;
  state.armed = true;
  state.passed = false;
  const std::uint64_t arming = ++state.arming;
  timer_.expires_at(when);
  timer_.async_wait([state = state_, arming, socket = &socket_](const boost::system::error_code& ec) {
    if (ec || !state->armed || state->arming != arming) return;  // disarmed, or armed again since
    state->armed = false;
    state->passed = true;
    boost::system::error_code ignored;
    socket->close(ignored);  // as Beast's stream does at its timeout
  });
}

void HeadDeadline::disarm() {
  if (!state_->armed) return;
  state_->armed = false;
  timer_.cancel();
}

}  // namespace gohttp
