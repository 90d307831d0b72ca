#pragma once
// One task per connection, written top to bottom in blocking style as a Go
// net/http conn.serve loop: wait for a request, read it, hand it to the Handler,
// write the response, repeat. Pipelined requests are answered in order because
// one task reads and answers them one after another.
#include <atomic>
#include <chrono>
#include <memory>

#include "gort/task.hpp"
#include "http/handler.hpp"
#include "http/request_reader.hpp"
#include "http/types.hpp"

namespace gohttp {

struct ConnectionSettings {
  ReadLimits read;
  const std::atomic<bool>* draining;  // set by graceful shutdown: answer what is in flight, then close
};

class Connection : public std::enable_shared_from_this<Connection> {
 public:
  Connection(Socket socket, ConnectionSettings settings, Handler& handler);

  // The connection's task body; returns when the connection is done.
  void serve(gort::Yield yield);

  // Shutdown: closes the connection if it is waiting for a request. Safe from any
  // thread: it runs on the connection's strand, so it never races the task.
  void close_if_idle();

 private:
  enum class Next { keep_going, close };

  Next serve_one(gort::Yield yield);
  Next answer(RequestParser& parser, gort::Yield yield);
  void reject(const Request& head, int status, gort::Yield yield);
  bool write(Response& response, const Request& request, bool close, gort::Yield yield);
  bool send_continue_if_expected(const Request& head, gort::Yield yield);
  void close_gracefully(gort::Yield yield);

  Stream stream_;
  ConnectionSettings settings_;
  Handler& handler_;
  RequestReader reader_;
  std::atomic<bool> idle_{false};
};

}  // namespace gohttp
