#pragma once
// One client connection, served by one coroutine that owns what the
// connection keeps between requests: the socket, the read buffer the requests
// are views into, and the output batch. What a request needs only while it is
// answered (the parsed head, serialization scratch, handlers) is the loop's
// RequestScratch, so an idle connection stays small. Everything is reused from
// one request to the next: steady-state requests on the hot routes allocate
// nothing.
//
// serve() is the only coroutine on the request path, and it awaits only the
// socket (and the blocking pool for /work): Asio 1.74 recycles one coroutine
// frame per thread, so nested coroutines per request would each allocate.
// Parsing and answering are plain functions.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstddef>

#include "contract/routes.hpp"
#include "deadline_sweeper.hpp"
#include "output_batch.hpp"
#include "read_buffer.hpp"
#include "server_state.hpp"

namespace apibench::rust_style {

class EventLoop;

// The coroutine a loop spawns per accepted connection; its frame owns the Connection.
boost::asio::awaitable<void> serve_connection(boost::asio::ip::tcp::socket socket, ConnectionSlot slot,
                                              EventLoop& loop);

class Connection {
 public:
  Connection(boost::asio::ip::tcp::socket socket, ConnectionSlot slot, EventLoop& loop);
  // Pinned (like a Rust future behind Pin): the sweeper watches it by address.
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  boost::asio::awaitable<void> serve();

 private:
  // What the buffered requests left to do (incomplete: only between serve_one and serve_buffered).
  enum class Batch : std::uint8_t { keep_open, close, blocking_work, incomplete };

  // A /work request waiting for the blocking pool; its head stays in the buffer.
  struct PendingWork {
    unsigned ms = 0;
    std::size_t request_bytes = 0;
    bool keep_alive = true;
    bool http10 = false;
    contract::Route route = contract::Route::work;
  };

  // Answers every complete request in the read buffer, in order (pipelining),
  // until one needs more bytes, closes the connection or must block.
  Batch serve_buffered();
  Batch serve_one(std::span<char> bytes);
  // After the pool ran /work: its response, then the requests behind it.
  Batch finish_work(unsigned slept_ms);
  // A malformed or refused request: the error response, then the connection closes.
  Batch refuse(int status, contract::Route route);
  // Sends the batch now if the socket takes it all; false: the rest must wait.
  bool write_now(boost::system::error_code& ec);
  // Resumes after the loop's other ready handlers, without allocating.
  boost::asio::awaitable<void> yield_to_loop();
  void arm_read_deadline() noexcept;
  void arm_write_deadline() noexcept;
  boost::asio::awaitable<void> close_gracefully();

  boost::asio::ip::tcp::socket socket_;
  ConnectionSlot slot_;
  EventLoop& loop_;
  ConnectionWatch watch_;
  ReadBuffer input_;
  OutputBatch output_;
  PendingWork work_;
  std::size_t need_ = 0;         // bytes the request being read needs in all, when known
  bool header_clock_running_ = false;  // its first bytes are here: the header deadline runs
  Deadline header_deadline_{};  // when the head must be complete, once the clock runs
  bool awaiting_body_ = false;   // its head is here, its body is not complete yet
  bool continue_sent_ = false;   // "100 Continue" went out for it
};

}  // namespace apibench::rust_style
