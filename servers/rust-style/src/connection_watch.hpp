#pragma once
// A connection's timeout as its loop's DeadlineSweeper sees it. Arming is a
// move to the back of a lane (a list of watches with one timeout length, sorted
// by deadline), or only a store when the deadline is the one it is queued with;
// clearing is a store.
// Clearing leaves the watch where it is: the sweep drops it when it reaches
// the head, so the hot path never touches the list to clear.
#include <boost/asio/ip/tcp.hpp>
#include <boost/intrusive/list_hook.hpp>
#include <chrono>
#include <cstdint>

namespace apibench::rust_style {

using Clock = std::chrono::steady_clock;
// One of the sweeper's lanes, handed out at setup by DeadlineSweeper::lane_for().
using LaneId = std::uint8_t;

struct Deadline {
  Clock::time_point at = Clock::time_point::max();
  LaneId lane = 0;
};

class ConnectionWatch {
 public:
  // What an expiry does to the connection; tests pass their own.
  using ExpiryHandler = void (*)(void* target) noexcept;

  // Expiry cancels the socket's pending operation: the read fails, the coroutine ends.
  explicit ConnectionWatch(boost::asio::ip::tcp::socket& socket) noexcept;
  ConnectionWatch(ExpiryHandler on_expiry, void* target) noexcept : on_expiry_(on_expiry), target_(target) {}
  ConnectionWatch(const ConnectionWatch&) = delete;
  ConnectionWatch& operator=(const ConnectionWatch&) = delete;

  void clear() noexcept { armed_ = false; }
  bool armed() const noexcept { return armed_; }

  // Both unlink themselves when the watch is destroyed.
  using Hook = boost::intrusive::list_member_hook<boost::intrusive::link_mode<boost::intrusive::auto_unlink>>;
  Hook every_hook;  // in the sweeper's list of every watch, for shutdown and empty()
  Hook lane_hook;   // in the lane of its last deadline until the sweep drops it

 private:
  friend class DeadlineSweeper;
  friend class DeadlineLane;

  ExpiryHandler on_expiry_;
  void* target_;
  // The deadline it is queued with in lane_. While armed_ it is the deadline
  // that applies; once cleared it only keeps the lane's order.
  Clock::time_point queued_at_ = Clock::time_point::max();
  LaneId lane_ = 0;
  bool armed_ = false;
  bool idle_ = false;  // armed while waiting for a next request: shutdown may close it
};

}  // namespace apibench::rust_style
