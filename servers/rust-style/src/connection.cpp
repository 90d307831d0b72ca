#include "connection.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <thread>

#include "contract/responses.hpp"
#include "event_loop.hpp"
#include "request_scratch.hpp"
#include "spawn_blocking.hpp"

namespace apibench::rust_style {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;
using contract::Method;

// How much a closing connection drains (for at most the linger timeout), so the
// close does not turn into a reset that could destroy the last response.
constexpr std::size_t kMaxLingerBytes = 256 * 1024;

std::string_view reason_for(int status) noexcept {
  switch (status) {
    case 411: return contract::reason::length_required;
    case 413: return contract::reason::body_too_large;
    case 431: return contract::reason::headers_too_large;
    default: return contract::reason::bad_request;
  }
}

unsigned sleep_on_this_thread(unsigned ms) {
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));  // the blocking call /work stands for
  return ms;
}

}  // namespace

asio::awaitable<void> serve_connection(tcp::socket socket, ConnectionSlot slot, EventLoop& loop) {
  Connection connection(std::move(socket), std::move(slot), loop);
  co_await connection.serve();
}

Connection::Connection(tcp::socket socket, ConnectionSlot slot, EventLoop& loop)
    : socket_(std::move(socket)), slot_(std::move(slot)), loop_(loop), watch_(socket_) {}

asio::awaitable<void> Connection::serve() {
  boost::system::error_code ec;
  socket_.set_option(tcp::no_delay(true), ec);
  socket_.non_blocking(true, ec);  // write_now() must never block the loop
  loop_.sweeper().watch(watch_);
  for (;;) {
    if (loop_.stopping() && input_.empty()) co_return;  // shutting down: take no new request
    arm_read_deadline();
    const std::span<char> space = input_.prepare(need_);
    const std::size_t n = co_await socket_.async_read_some(asio::buffer(space.data(), space.size()),
                                                           asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;  // end of stream, reset, or cancelled by the sweeper
    input_.commit(n);
    watch_.clear();  // requests are being served: no timeout until their responses go out
    Batch batch = serve_buffered();
    for (;;) {  // responses so far go out before a /work blocks, then the rest
      if (!output_.empty()) {
        if (write_now(ec)) {
          // Let the loop's other ready connections run first. Asio reads at
          // once when a read is started, and the client cannot have answered
          // a response that just left: reading now would fail with EAGAIN,
          // one wasted system call per request.
          co_await yield_to_loop();
        } else if (!ec) {
          arm_write_deadline();
          co_await asio::async_write(socket_, output_.unsent(), asio::redirect_error(asio::use_awaitable, ec));
        }
        output_.clear();
        if (ec) co_return;
      }
      if (batch != Batch::blocking_work) break;
      const unsigned ms = work_.ms;
      watch_.clear();  // a job in the pool is not an idle connection
      batch = finish_work(co_await spawn_blocking(loop_.state().blocking(), [ms] { return sleep_on_this_thread(ms); }));
    }
    if (batch == Batch::close) co_return co_await close_gracefully();
    input_.shrink_if_idle();
    output_.shrink_if_idle();
  }
}

Connection::Batch Connection::serve_buffered() {
  need_ = 0;
  while (!input_.empty()) {
    const Batch batch = serve_one(input_.readable());
    if (batch == Batch::incomplete) return Batch::keep_open;
    if (batch != Batch::keep_open) return batch;
  }
  return Batch::keep_open;
}

// The request at the front of bytes; its bytes are consumed once it is answered.
Connection::Batch Connection::serve_one(std::span<char> bytes) {
  RequestScratch& scratch = loop_.scratch();
  RequestHead& head = scratch.head;
  const HeadResult parsed = parse_head(std::string_view(bytes.data(), bytes.size()), head);
  if (parsed.status == ParseStatus::incomplete) return Batch::incomplete;
  if (parsed.status == ParseStatus::error) return refuse(parsed.error_status, contract::Route::not_found);
  const RoutedHead routed = route_head(head, loop_.state().options());
  const bool has_body = routed.method == Method::post || routed.method == Method::put;
  if (has_body && head.framing == BodyFraming::none) return refuse(411, routed.match.route);
  const BodyResult body = take_body(bytes.subspan(head.size), head, routed.body_limit);
  if (body.status == ParseStatus::error) return refuse(body.error_status, routed.match.route);
  if (body.status == ParseStatus::incomplete) {
    need_ = head.size + body.need;
    awaiting_body_ = true;
    if (head.expect_continue && !continue_sent_) {
      output_.bytes().append("HTTP/1.1 100 Continue\r\n\r\n");  // after the responses before it
      continue_sent_ = true;
    }
    return Batch::incomplete;
  }
  const std::size_t request_bytes = head.size + body.consumed;
  const bool keep_alive = head.keep_alive && !loop_.stopping();
  ResponseWriter out(output_, scratch.body, {keep_alive, head.http10, routed.method == Method::head});
  if (const auto ms = scratch.handlers.handle(Request{routed.method, routed.match, &head, body.body}, out)) {
    work_ = PendingWork{*ms, request_bytes, keep_alive, head.http10, routed.match.route};
    return Batch::blocking_work;
  }
  loop_.counters().count_request(routed.match.route, out.status());
  input_.consume(request_bytes);
  header_clock_running_ = awaiting_body_ = continue_sent_ = false;
  return keep_alive ? Batch::keep_open : Batch::close;
}

Connection::Batch Connection::finish_work(unsigned slept_ms) {
  const bool keep_alive = work_.keep_alive && !loop_.stopping();  // a stop may have come meanwhile
  ResponseWriter out(output_, loop_.scratch().body, {keep_alive, work_.http10, false});
  Handlers::finish_work(slept_ms, out);
  loop_.counters().count_request(work_.route, out.status());
  input_.consume(work_.request_bytes);
  header_clock_running_ = awaiting_body_ = continue_sent_ = false;
  return keep_alive ? serve_buffered() : Batch::close;
}

Connection::Batch Connection::refuse(int status, contract::Route route) {
  RequestScratch& scratch = loop_.scratch();
  ResponseWriter out(output_, scratch.body, {false, scratch.head.http10, false});
  out.send_error(status, reason_for(status));
  loop_.counters().count_request(route, status);
  return Batch::close;
}

// Most batches fit in the socket's send buffer: one non-blocking writev sends
// them, with no asynchronous operation to allocate, queue and resume from.
bool Connection::write_now(boost::system::error_code& ec) {
  const std::size_t total = output_.prepare_gather();
  const std::size_t sent = socket_.write_some(output_.unsent(), ec);
  if (ec == asio::error::would_block || ec == asio::error::try_again) ec.clear();
  output_.mark_sent(sent);
  return !ec && sent == total;
}

// Posted through the io_context's own executor type, not the coroutine's
// any_io_executor: Asio 1.74 wraps a handler posted through the type-erased
// executor in an executor_function, whose memory has its own one-block cache
// per thread. Under load many yields wait in the queue at once and complete one
// after another, so all but one of those blocks went back to the heap (0.94
// allocations per request with 64 connections). Through the concrete executor
// the queued operation is recycled in the same cache as the socket operations,
// and every handler gives back one block and takes one.
asio::awaitable<void> Connection::yield_to_loop() {
  return asio::post(loop_.context().get_executor(), asio::use_awaitable);
}

void Connection::arm_read_deadline() noexcept {
  const TimeoutLanes& lanes = loop_.lanes();
  DeadlineSweeper& sweeper = loop_.sweeper();
  if (input_.empty()) {
    sweeper.arm(watch_, sweeper.deadline_after(lanes.idle), true);
  } else if (awaiting_body_) {
    sweeper.arm(watch_, sweeper.deadline_after(lanes.idle));  // a body must keep arriving
  } else {
    // From the request's first byte, not from the last read: every read clears
    // the watch, so the same deadline is armed again each time (a head sent one
    // byte at a time must not push it back).
    if (!header_clock_running_) {
      header_clock_running_ = true;
      header_deadline_ = sweeper.deadline_after(lanes.header);
    }
    sweeper.arm(watch_, header_deadline_);
  }
}

void Connection::arm_write_deadline() noexcept {
  DeadlineSweeper& sweeper = loop_.sweeper();
  sweeper.arm(watch_, sweeper.deadline_after(loop_.lanes().idle));
}

// Closing with unread bytes makes the kernel send a reset, which can reach the
// client before it reads the response; so first drain what is still coming.
asio::awaitable<void> Connection::close_gracefully() {
  boost::system::error_code ec;
  socket_.shutdown(tcp::socket::shutdown_send, ec);
  if (input_.empty() || ec) co_return;
  DeadlineSweeper& sweeper = loop_.sweeper();
  sweeper.arm(watch_, sweeper.deadline_after(loop_.lanes().linger));
  for (std::size_t drained = 0; drained < kMaxLingerBytes;) {
    input_.consume(input_.size());
    const std::span<char> space = input_.prepare(0);
    drained += co_await socket_.async_read_some(asio::buffer(space.data(), space.size()),
                                                asio::redirect_error(asio::use_awaitable, ec));
    if (ec) co_return;
  }
}

}  // namespace apibench::rust_style
