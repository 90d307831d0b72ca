#include "event_loop.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "connection.hpp"

namespace apibench::rust_style {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using ReusePort = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

}  // namespace

EventLoop::EventLoop(ServerState& state, const tcp::endpoint& endpoint)
    : state_(state), acceptor_(io_), sweeper_(io_),
      lanes_(TimeoutLanes::add_to(sweeper_, state.options())),
      scratch_(state) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(tcp::acceptor::reuse_address(true));
  acceptor_.set_option(ReusePort(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
  state_.add_counters(counters_);
}

void EventLoop::run() {
  asio::co_spawn(io_, accept_connections(), asio::detached);
  asio::co_spawn(io_, sweeper_.run([this] { return stopping_; }), asio::detached);
  io_.run();
}

void EventLoop::stop() {
  asio::post(io_, [this] { begin_shutdown(); });
}

void EventLoop::begin_shutdown() {
  stopping_ = true;
  boost::system::error_code ignored;
  acceptor_.close(ignored);
  sweeper_.close_idle();
}

asio::awaitable<void> EventLoop::accept_connections() {
  asio::steady_timer backoff(io_);
  for (;;) {
    boost::system::error_code ec;
    tcp::socket socket = co_await acceptor_.async_accept(asio::redirect_error(asio::use_awaitable, ec));
    if (stopping_ || !acceptor_.is_open()) co_return;
    if (ec) {  // out of descriptors or similar: wait instead of spinning
      backoff.expires_after(std::chrono::milliseconds(10));
      co_await backoff.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    std::optional<ConnectionSlot> slot = state_.admit();
    if (!slot) {
      counters_.count_rejected();
      continue;  // the socket closes as it goes out of scope
    }
    counters_.count_accepted();
    asio::co_spawn(io_, serve_connection(std::move(socket), std::move(*slot), *this), asio::detached);
  }
}

}  // namespace apibench::rust_style
