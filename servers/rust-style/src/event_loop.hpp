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
#include "server_state.hpp"

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
  LoopCounters& counters() noexcept { return counters_; }
  bool stopping() const noexcept { return stopping_; }

 private:
  boost::asio::awaitable<void> accept_connections();
  void begin_shutdown();

  ServerState& state_;
  boost::asio::io_context io_{1};  // one thread: asio can skip its internal locking
  boost::asio::ip::tcp::acceptor acceptor_;
  DeadlineSweeper sweeper_;
  LoopCounters counters_;
  bool stopping_ = false;  // touched only on this loop's thread
};

}  // namespace apibench::rust_style
