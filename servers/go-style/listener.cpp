#include "listener.hpp"

#include <boost/asio/post.hpp>

namespace gostyle {

namespace asio = boost::asio;
using gohttp::tcp;

namespace {

// listen()'s backlog. Linux silently lowers it to net.core.somaxconn, so asking
// for the most means "as many as the system allows"; asio's default
// (SOMAXCONN, 4096) would stay at 4096 where the sysctl was raised. Go asks
// for somaxconn too, capped at 65535 because older kernels keep it in 16 bits.
constexpr int kListenBacklog = 65535;

}  // namespace

Listener::Listener(gort::Runtime& runtime, const tcp::endpoint& endpoint)
    : runtime_(runtime), acceptor_(runtime.make_task_executor()) {
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(tcp::acceptor::reuse_address(true));
  // Without it asio's accept treats ECONNABORTED (a peer that reset while queued)
  // as "try again" and, the queue being empty, waits in poll(): the worker thread
  // would block. With it, the error comes back and the loop moves on.
  acceptor_.set_option(asio::socket_base::enable_connection_aborted(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(kListenBacklog);
  acceptor_.non_blocking(true);
}

std::uint16_t Listener::port() const { return acceptor_.local_endpoint().port(); }

Listener::Stop Listener::accept_ready(std::deque<gohttp::Socket>& accepted, std::size_t max) {
  for (std::size_t taken = 0; taken < max;) {
    if (!acceptor_.is_open()) return Stop::closed;
    gohttp::Socket socket(runtime_.make_task_executor());
    boost::system::error_code ec;
    acceptor_.accept(socket, ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) return Stop::drained;
    if (ec == asio::error::connection_aborted) continue;  // gone before we took it
    if (ec) return acceptor_.is_open() ? Stop::failed : Stop::closed;
    accepted.push_back(std::move(socket));
    ++taken;
  }
  return Stop::turn_full;
}

bool Listener::wait_readable(gort::Yield yield) {
  boost::system::error_code ec;
  acceptor_.async_wait(tcp::acceptor::wait_read, yield[ec]);
  return !ec && acceptor_.is_open();
}

void Listener::close() {
  asio::post(acceptor_.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  });
}

}  // namespace gostyle
