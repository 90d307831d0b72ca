#pragma once
// One client connection, served by one coroutine that owns everything the
// connection uses: the socket, the read buffer the requests are views into,
// the output batch, the parsed head and the handlers' scratch buffers. All of
// it is reused from one request to the next, so steady-state requests on the
// hot routes allocate nothing.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <cstddef>
#include <string>

#include "deadline_sweeper.hpp"
#include "handlers.hpp"
#include "http_parser.hpp"
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
  enum class Batch : std::uint8_t { keep_open, close };

  boost::asio::awaitable<bool> read_more();
  boost::asio::awaitable<Batch> serve_buffered();
  // Answers one request; false when the connection closes after it.
  boost::asio::awaitable<bool> respond(const Request& request, bool keep_alive);
  boost::asio::awaitable<bool> flush();
  boost::asio::awaitable<void> close_gracefully();
  // A malformed or refused request: the error response, then the connection closes.
  void reject(int status, contract::Route route);
  void arm_read_deadline() noexcept;

  boost::asio::ip::tcp::socket socket_;
  ConnectionSlot slot_;
  EventLoop& loop_;
  ConnectionWatch watch_;
  ReadBuffer input_;
  OutputBatch output_;
  RequestHead head_;
  std::string body_scratch_;
  Handlers handlers_;
  std::size_t need_ = 0;         // bytes the request being read needs in all, when known
  bool request_started_ = false; // its first bytes are here: the header deadline runs
  bool awaiting_body_ = false;   // its head is here, its body is not complete yet
};

}  // namespace apibench::rust_style
