#pragma once
// The reactor operation behind DrainAwareSocket::async_read_some: Asio 1.74's
// own receive operation, except that a read returning fewer bytes than it asked
// for reports the socket as drained ("done_and_exhausted").
//
// Why: Asio's epoll reactor keeps a per-descriptor "try speculative" flag that
// only an end of stream clears, so every read starts with a recv(), and on a
// keep-alive connection whose client has not answered yet that recv() fails
// with EAGAIN: a wasted system call per request. A TCP recv() that returns
// short has emptied the receive queue, and any byte that arrives later raises
// a new edge (the descriptor is registered with EPOLLET), which sets the flag
// again before the next epoll_wait runs this operation. The reactor clears the
// flag under its descriptor lock in the same step as the recv(), so no edge can
// be lost between them; tokio's TcpStream clears its readiness the same way.
//
// This follows boost/asio/detail/reactive_socket_recv_op.hpp (1.74) closely,
// because an operation must own, recycle and complete its handler exactly as
// Asio's do. It uses Asio's detail namespace; a Boost upgrade must re-check it.
#include <boost/asio/buffer.hpp>
#include <boost/asio/detail/bind_handler.hpp>
#include <boost/asio/detail/fenced_block.hpp>
#include <boost/asio/detail/handler_alloc_helpers.hpp>
#include <boost/asio/detail/handler_work.hpp>
#include <boost/asio/detail/memory.hpp>
#include <boost/asio/detail/reactor_op.hpp>
#include <boost/asio/detail/socket_ops.hpp>
#include <cstddef>

namespace apibench::rust_style::detail {

namespace asio_detail = boost::asio::detail;

template <typename Handler, typename IoExecutor>
class DrainAwareReadOp : public asio_detail::reactor_op {
 public:
  BOOST_ASIO_DEFINE_HANDLER_PTR(DrainAwareReadOp);

  DrainAwareReadOp(const boost::system::error_code& success_ec, asio_detail::socket_type socket,
                   boost::asio::mutable_buffer buffer, Handler& handler, const IoExecutor& io_ex)
      : reactor_op(success_ec, &DrainAwareReadOp::do_perform, &DrainAwareReadOp::do_complete),
        socket_(socket),
        buffer_(buffer),
        handler_(std::move(handler)),
        work_(handler_, io_ex) {}

  static status do_perform(reactor_op* base) {
    auto* op = static_cast<DrainAwareReadOp*>(base);
    if (!asio_detail::socket_ops::non_blocking_recv1(op->socket_, op->buffer_.data(), op->buffer_.size(), 0, true,
                                                     op->ec_, op->bytes_transferred_)) {
      return not_done;  // EAGAIN: wait for the next edge
    }
    // End of stream (0 bytes) included: nothing more will come until an edge.
    const bool drained = !op->ec_ && op->bytes_transferred_ < op->buffer_.size();
    return drained || op->ec_ == boost::asio::error::eof ? done_and_exhausted : done;
  }

  static void do_complete(void* owner, asio_detail::operation* base, const boost::system::error_code& /*ec*/,
                          std::size_t /*bytes_transferred*/) {
    auto* op = static_cast<DrainAwareReadOp*>(base);
    ptr p = {asio_detail::addressof(op->handler_), op, op};
    asio_detail::handler_work<Handler, IoExecutor> work(std::move(op->work_));
    // The handler moves out before the operation's memory is recycled, so the
    // coroutine it resumes can start the next read in that same memory.
    asio_detail::binder2<Handler, boost::system::error_code, std::size_t> handler(op->handler_, op->ec_,
                                                                                   op->bytes_transferred_);
    p.h = asio_detail::addressof(handler.handler_);
    p.reset();
    if (owner) {  // no owner: the io_context is being destroyed, only free
      asio_detail::fenced_block fence(asio_detail::fenced_block::half);
      work.complete(handler, handler.handler_);
    }
  }

 private:
  asio_detail::socket_type socket_;
  boost::asio::mutable_buffer buffer_;
  Handler handler_;
  asio_detail::handler_work<Handler, IoExecutor> work_;
};

}  // namespace apibench::rust_style::detail
