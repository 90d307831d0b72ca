#pragma once
// A TCP socket whose async_read_some tells Asio's reactor when a read drained
// the socket, so the next read waits for epoll instead of first trying a recv()
// that fails with EAGAIN (see drain_aware_read_op.hpp for why that is safe).
// Everything else is the plain tcp::socket; only the read path differs.
#include <boost/asio/async_result.hpp>
#include <boost/asio/detail/reactor.hpp>
#include <boost/asio/execution/context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "drain_aware_read_op.hpp"

namespace apibench::rust_style {

class DrainAwareSocket : public boost::asio::ip::tcp::socket {
 public:
  explicit DrainAwareSocket(boost::asio::ip::tcp::socket&& socket)
      : boost::asio::ip::tcp::socket(std::move(socket)),
        reactor_(boost::asio::use_service<boost::asio::detail::reactor>(
            boost::asio::query(get_executor(), boost::asio::execution::context))) {}

  // Like tcp::socket::async_read_some with one buffer: completes with
  // (error_code, bytes read).
  template <typename CompletionToken>
  auto async_read_some(boost::asio::mutable_buffer buffer, CompletionToken&& token) {
    return boost::asio::async_initiate<CompletionToken, void(boost::system::error_code, std::size_t)>(
        [this](auto&& handler, boost::asio::mutable_buffer into) { start_read(handler, into); }, token, buffer);
  }

 private:
  template <typename Handler>
  void start_read(Handler& handler, boost::asio::mutable_buffer into) {
    namespace asio_detail = boost::asio::detail;
    using Op = detail::DrainAwareReadOp<Handler, executor_type>;
    auto& impl = impl_.get_implementation();
    const bool is_continuation = boost_asio_handler_cont_helpers::is_continuation(handler);
    typename Op::ptr p = {asio_detail::addressof(handler), Op::ptr::allocate(handler), nullptr};
    p.p = new (p.v) Op(boost::system::error_code(), impl.socket_, into, handler, get_executor());
    // An empty read completes at once, as in Asio; a socket not yet in
    // non-blocking mode (a read before serve() set it) is switched first.
    if (into.size() == 0 ||
        (!(impl.state_ & asio_detail::socket_ops::internal_non_blocking) &&
         !asio_detail::socket_ops::set_internal_non_blocking(impl.socket_, impl.state_, true, p.p->ec_))) {
      reactor_.post_immediate_completion(p.p, is_continuation);
    } else {
      reactor_.start_op(asio_detail::reactor::read_op, impl.socket_, impl.reactor_data_, p.p, is_continuation, true);
    }
    p.v = p.p = nullptr;
  }

  boost::asio::detail::reactor& reactor_;
};

}  // namespace apibench::rust_style
