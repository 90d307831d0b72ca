#pragma once
// One event loop: an io_context run by one thread, its own listening socket
// (SO_REUSEPORT, so the kernel spreads connections over the loops), its own
// connections, deadline sweeper and counters. Loops share nothing but the
// ServerState (cache, blocking pool, ids, connection count).
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstdint>

#include "deadline_sweeper.hpp"
#include "loop_counters.hpp"
#include "request_scratch.hpp"
#include "server_state.hpp"
#include "timeout_lanes.hpp"

namespace apibench::rust_style {

class EventLoop {
 public:
  // Binds and listens; throws boost::system::system_error when it cannot.
  EventLoop(ServerState& state, const boost::asio::ip::tcp::endpoint& endpoint);
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
  // Runs until stop() and the last connection is done.
  void run();
  // Thread-safe: stop accepting, close idle connections, let the others finish.
  void stop();

  boost::asio::io_context& context() noexcept { return io_; }
  ServerState& state() noexcept { return state_; }
  DeadlineSweeper& sweeper() noexcept { return sweeper_; }
  const TimeoutLanes& lanes() const noexcept { return lanes_; }
  LoopCounters& counters() noexcept { return counters_; }
  // Shared by the loop's connections; valid only until the next await.
  RequestScratch& scratch() noexcept { return scratch_; }
  bool stopping() const noexcept { return stopping_; }

 private:
  boost::asio::awaitable<void> accept_connections();
  void begin_shutdown();

  ServerState& state_;
  // Only this loop's thread touches its sockets, so the reactor needs no lock
  // per I/O operation; posting (stop, the blocking pool's results) stays locked.
  boost::asio::io_context io_{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
  boost::asio::ip::tcp::acceptor acceptor_;
  DeadlineSweeper sweeper_;
  TimeoutLanes lanes_;
  LoopCounters counters_;
  RequestScratch scratch_;
  bool stopping_ = false;  // touched only on this loop's thread
};

}  // namespace apibench::rust_style
