#pragma once
// Connection timeouts for one event loop without a timer per request: each
// connection arms a deadline in its ConnectionWatch, and one timer per loop
// cancels the sockets whose deadline passed. The cancelled read fails and the
// connection's coroutine ends, closing the socket it owns.
//
// Watches wait in one DeadlineLane per timeout length, each sorted by
// deadline, so the timer looks at the lanes' heads only: its cost is the number
// of deadlines that passed, not the number of connections. It fires when the
// earliest head is due, so connections that timed out a millisecond apart are
// closed a millisecond apart: each close (a FIN, the client's reconnect) then
// delays other requests by one close, not by a burst of them. A wake that finds
// many expired works in bounded slices and yields to the loop between them.
#include <algorithm>
#include <array>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/intrusive/list.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "connection_watch.hpp"
#include "deadline_lane.hpp"

namespace apibench::rust_style {

class DeadlineSweeper {
 public:
  explicit DeadlineSweeper(boost::asio::io_context& io);

  // Watches looked at per handler: a slice takes some tens of microseconds.
  static constexpr int kSliceBudget = 256;
  // A cancel (a system call and a queued completion) costs this many looks.
  static constexpr int kCancelCost = 16;
  // Distinct timeout lengths: a connection has three (idle, header, linger).
  static constexpr std::size_t kMaxLanes = 4;

  // Setup: the lane for timeouts of this length, shared by equal lengths.
  // Throws std::length_error past kMaxLanes distinct lengths.
  LaneId lane_for(std::chrono::milliseconds length);

  // The watch leaves the sweeper when it is destroyed.
  void watch(ConnectionWatch& w) noexcept { every_.push_back(w); }
  // A deadline a lane's length from now. The clock is read each time (a vDSO
  // call, tens of nanoseconds), so deadlines, and the closes, are as spread as
  // the events that armed them; a cached clock would give every connection
  // armed within one refresh the same deadline.
  Deadline deadline_after(LaneId lane, Clock::time_point now = Clock::now()) const noexcept {
    return {now + lengths_[lane], lane};
  }
  // Re-arming the deadline it is queued with keeps its place: a request head's
  // deadline, armed again after every read, must not move back.
  void arm(ConnectionWatch& w, Deadline deadline, bool idle = false) noexcept;
  bool empty() const noexcept { return every_.empty(); }

  // Sweeps whenever a deadline is due, until stopping() and no connection is left.
  template <typename Stopping>
  boost::asio::awaitable<void> run(Stopping stopping);
  // When the sweep must next look: the earliest queued deadline, but no later
  // than the shortest lane's length from now, since a deadline armed in the
  // meantime comes due no sooner than that. Public so tests can give the time.
  Clock::time_point next_wake(Clock::time_point now) noexcept;
  // Expires what is due by `now` (the clock never goes back), a slice at a
  // time; false when nothing due is left. Public so tests can give the time.
  bool sweep_slice(Clock::time_point now) noexcept;
  // At shutdown: closes the connections waiting for a next request, and wakes
  // the sweep so that it polls until the last connection is gone.
  void close_idle() noexcept;

  // How often the sweep looks while shutting down, when run() must end soon
  // after the last connection does.
  static constexpr std::chrono::milliseconds kShutdownPoll{10};

  // Deadlines read by all the sweeps so far: what the sweeps cost.
  std::uint64_t watches_looked_at() const noexcept { return looked_at_; }

 private:
  // The lane whose head is due first; nullptr when every lane is empty.
  DeadlineLane* earliest_lane() noexcept;

  using EveryWatch = boost::intrusive::list<
      ConnectionWatch, boost::intrusive::member_hook<ConnectionWatch, ConnectionWatch::Hook, &ConnectionWatch::every_hook>,
      boost::intrusive::constant_time_size<false>>;

  boost::asio::io_context::executor_type executor_;  // concrete, so the yield between slices allocates nothing
  boost::asio::steady_timer timer_;
  Clock::time_point now_;  // the latest time a sweep was given: it never goes back
  std::array<DeadlineLane, kMaxLanes> lanes_;
  std::array<std::chrono::milliseconds, kMaxLanes> lengths_{};
  std::size_t lane_count_ = 0;
  std::chrono::milliseconds shortest_ = std::chrono::milliseconds::max();
  EveryWatch every_;
  std::uint64_t looked_at_ = 0;
};

template <typename Stopping>
boost::asio::awaitable<void> DeadlineSweeper::run(Stopping stopping) {
  for (;;) {
    const Clock::time_point now = Clock::now();
    const Clock::time_point wake = next_wake(now);
    timer_.expires_at(stopping() ? std::min(wake, now + kShutdownPoll) : wake);
    boost::system::error_code ec;
    co_await timer_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    while (sweep_slice(Clock::now())) co_await boost::asio::post(executor_, boost::asio::use_awaitable);
    if (stopping() && empty()) co_return;
  }
}

}  // namespace apibench::rust_style
