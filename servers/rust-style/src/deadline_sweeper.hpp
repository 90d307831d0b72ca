#pragma once
// Connection timeouts for one event loop without a timer per request: each
// connection keeps a deadline in its ConnectionWatch (a plain store), and one
// periodic timer per loop sweeps the watches and cancels the sockets whose
// deadline passed. The cancelled read fails and the connection's coroutine
// ends, closing the socket it owns. The sweep also keeps a coarse clock so
// setting a deadline needs no clock read.
//
// A sweep looks at a bounded slice of watches per handler and yields to the
// loop between slices, so thousands of idle connections never stall the
// requests of the others: a pass moves each watch it has looked at from
// unswept_ to swept_, and the lists trade places when the pass is done.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/intrusive/list.hpp>
#include <chrono>

namespace apibench::rust_style {

using Clock = std::chrono::steady_clock;

class ConnectionWatch
    : public boost::intrusive::list_base_hook<boost::intrusive::link_mode<boost::intrusive::auto_unlink>> {
 public:
  explicit ConnectionWatch(boost::asio::ip::tcp::socket& socket) noexcept : socket_(socket) {}
  ConnectionWatch(const ConnectionWatch&) = delete;
  ConnectionWatch& operator=(const ConnectionWatch&) = delete;

  // idle: waiting for a next request with nothing buffered, so shutdown may close it.
  void expire_at(Clock::time_point deadline, bool idle) noexcept {
    deadline_ = deadline;
    idle_ = idle;
  }
  void clear() noexcept { expire_at(Clock::time_point::max(), false); }

 private:
  friend class DeadlineSweeper;
  boost::asio::ip::tcp::socket& socket_;
  Clock::time_point deadline_ = Clock::time_point::max();
  bool idle_ = false;
};

class DeadlineSweeper {
 public:
  DeadlineSweeper(boost::asio::io_context& io, std::chrono::milliseconds tick);

  // Watches looked at per handler: a slice takes some tens of microseconds.
  static constexpr int kSliceBudget = 256;
  // A cancel (a system call and a queued completion) costs this many looks.
  static constexpr int kCancelCost = 16;

  // The watch unlinks itself when destroyed.
  void watch(ConnectionWatch& w) noexcept { unswept_.push_back(w); }
  // A deadline `after` from now. The sweep's clock may be a tick old, so a
  // tick is added: a connection is closed a little late, never early.
  Clock::time_point deadline_after(std::chrono::milliseconds after) const noexcept { return now_ + tick_ + after; }
  bool empty() const noexcept { return unswept_.empty() && swept_.empty(); }

  // Sweeps every tick until stopping() and no connection is left.
  template <typename Stopping>
  boost::asio::awaitable<void> run(Stopping stopping);
  // At shutdown: closes the connections waiting for a next request.
  void close_idle() noexcept;

 private:
  // Looks at the next slice of the pass; false when the pass is done. Each
  // slice reads the clock, so a long pass does not make deadlines early.
  bool sweep_slice() noexcept;

  using WatchList = boost::intrusive::list<ConnectionWatch, boost::intrusive::constant_time_size<false>>;
  boost::asio::io_context::executor_type executor_;  // concrete, so the yield between slices allocates nothing
  boost::asio::steady_timer timer_;
  std::chrono::milliseconds tick_;
  Clock::time_point now_;
  WatchList unswept_;  // not yet looked at in this pass (new watches join here)
  WatchList swept_;    // looked at in this pass
};

template <typename Stopping>
boost::asio::awaitable<void> DeadlineSweeper::run(Stopping stopping) {
  for (;;) {
    timer_.expires_after(tick_);
    boost::system::error_code ec;
    co_await timer_.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
    while (sweep_slice()) co_await boost::asio::post(executor_, boost::asio::use_awaitable);
    unswept_.swap(swept_);
    if (stopping() && empty()) co_return;
  }
}

}  // namespace apibench::rust_style
