#include "connection.hpp"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <thread>

#include "contract/responses.hpp"
#include "event_loop.hpp"
#include "spawn_blocking.hpp"

namespace apibench::rust_style {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using contract::Method;

// How long a closing connection drains what the client still sends, so the
// close does not turn into a reset that could destroy the last response.
constexpr std::chrono::milliseconds kMaxLinger{1000};
constexpr std::size_t kMaxLingerBytes = 256 * 1024;

std::string_view reason_for(int status) noexcept {
  switch (status) {
    case 411: return contract::reason::length_required;
    case 413: return contract::reason::body_too_large;
    case 431: return contract::reason::headers_too_large;
    default: return contract::reason::bad_request;
  }
}

}  // namespace

asio::awaitable<void> serve_connection(tcp::socket socket, ConnectionSlot slot, EventLoop& loop) {
  Connection connection(std::move(socket), std::move(slot), loop);
  co_await connection.serve();
}

Connection::Connection(tcp::socket socket, ConnectionSlot slot, EventLoop& loop)
    : socket_(std::move(socket)), slot_(std::move(slot)), loop_(loop), watch_(socket_), handlers_(loop.state()) {}

asio::awaitable<void> Connection::serve() {
  boost::system::error_code ignored;
  socket_.set_option(tcp::no_delay(true), ignored);
  loop_.sweeper().watch(watch_);
  for (;;) {
    arm_read_deadline();
    if (!co_await read_more()) co_return;
    watch_.clear();  // a request is being served: no timeout until its response goes out
    const Batch batch = co_await serve_buffered();
    if (!output_.empty() && !co_await flush()) co_return;
    if (batch == Batch::close) co_return co_await close_gracefully();
    input_.shrink_if_idle();
  }
}

void Connection::arm_read_deadline() noexcept {
  const auto& options = loop_.state().options();
  DeadlineSweeper& sweeper = loop_.sweeper();
  if (input_.empty()) {
    watch_.expire_at(sweeper.deadline_after(options.idle_timeout), true);
  } else if (awaiting_body_) {
    watch_.expire_at(sweeper.deadline_after(options.idle_timeout), false);  // a body must keep arriving
  } else if (!request_started_) {
    request_started_ = true;
    watch_.expire_at(sweeper.deadline_after(options.header_timeout), false);
  }
}

asio::awaitable<bool> Connection::read_more() {
  if (loop_.stopping() && input_.empty()) co_return false;  // shutting down: take no new request
  const std::span<char> space = input_.prepare(need_);
  boost::system::error_code ec;
  const std::size_t n = co_await socket_.async_read_some(asio::buffer(space.data(), space.size()),
                                                         asio::redirect_error(asio::use_awaitable, ec));
  if (ec) co_return false;  // end of stream, reset, or cancelled by the sweeper
  input_.commit(n);
  co_return true;
}

// Serves every complete request in the read buffer, in order (pipelining).
asio::awaitable<Connection::Batch> Connection::serve_buffered() {
  need_ = 0;
  while (!input_.empty()) {
    const std::span<char> bytes = input_.readable();
    const HeadResult head = parse_head(std::string_view(bytes.data(), bytes.size()), head_);
    if (head.status == ParseStatus::incomplete) co_return Batch::keep_open;
    if (head.status == ParseStatus::error) co_return reject(head.error_status, contract::Route::not_found), Batch::close;
    const RoutedHead routed = route_head(head_, loop_.state().options());
    const bool has_body = routed.method == Method::post || routed.method == Method::put;
    if (has_body && head_.framing == BodyFraming::none) co_return reject(411, routed.match.route), Batch::close;
    const BodyResult body = take_body(bytes.subspan(head_.size), head_, routed.body_limit);
    if (body.status == ParseStatus::error) co_return reject(body.error_status, routed.match.route), Batch::close;
    if (body.status == ParseStatus::incomplete) {
      need_ = head_.size + body.need;
      awaiting_body_ = true;
      co_return Batch::keep_open;
    }
    const bool keep_alive =
        co_await respond(Request{routed.method, routed.match, &head_, body.body}, head_.keep_alive);
    input_.consume(head_.size + body.consumed);
    request_started_ = awaiting_body_ = false;
    if (!keep_alive) co_return Batch::close;
  }
  co_return Batch::keep_open;
}

asio::awaitable<bool> Connection::respond(const Request& request, bool keep_alive) {
  ResponseWriter out(output_, body_scratch_, {keep_alive && !loop_.stopping(), head_.http10, request.method == Method::head});
  if (const auto work_ms = handlers_.handle(request, out)) {
    const unsigned slept = co_await spawn_blocking(loop_.state().blocking(), [ms = *work_ms] {
      std::this_thread::sleep_for(std::chrono::milliseconds(ms));  // the blocking call /work stands for
      return ms;
    });
    if (loop_.stopping()) out.close_after();  // a stop came while it slept
    Handlers::finish_work(slept, out);
  }
  loop_.counters().count_request(request.match.route, out.status());
  co_return out.keep_alive();
}

void Connection::reject(int status, contract::Route route) {
  ResponseWriter out(output_, body_scratch_, {false, head_.http10, false});
  out.send_error(status, reason_for(status));
  loop_.counters().count_request(route, status);
}

asio::awaitable<bool> Connection::flush() {
  watch_.expire_at(loop_.sweeper().deadline_after(loop_.state().options().idle_timeout), false);
  boost::system::error_code ec;
  co_await asio::async_write(socket_, output_.buffers(), asio::redirect_error(asio::use_awaitable, ec));
  output_.clear();
  co_return !ec;
}

// Closing with unread bytes makes the kernel send a reset, which can reach the
// client before it reads the response; so first drain what is still coming.
asio::awaitable<void> Connection::close_gracefully() {
  boost::system::error_code ec;
  socket_.shutdown(tcp::socket::shutdown_send, ec);
  if (input_.empty() || ec) co_return;
  const auto linger = std::min(kMaxLinger, loop_.state().options().idle_timeout);
  watch_.expire_at(loop_.sweeper().deadline_after(linger), false);
  for (std::size_t drained = 0; drained < kMaxLingerBytes;) {
    input_.consume(input_.size());
    const std::span<char> space = input_.prepare(0);
    drained += co_await socket_.async_read_some(asio::buffer(space.data(), space.size()),
                                                asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
  }
}

}  // namespace apibench::rust_style
