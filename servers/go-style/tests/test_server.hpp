#pragma once
// An in-process go-style server on a free port, stopped gracefully at scope end.
#include <thread>

#include "contract/server_options.hpp"
#include "server.hpp"

namespace gostyle::test {

inline apibench::contract::ServerOptions test_options() {
  apibench::contract::ServerOptions o = apibench::contract::default_server_options();
  o.host = "127.0.0.1";
  o.port = 0;
  o.threads = 2;
  return o;
}

class RunningServer {
 public:
  explicit RunningServer(const apibench::contract::ServerOptions& options = test_options())
      : server_(options), thread_([this] { server_.run(); }) {}
  ~RunningServer() { stop_and_wait(); }

  std::uint16_t port() const { return port_; }
  Server& server() { return server_; }
  void stop_and_wait() {
    server_.stop();
    if (thread_.joinable()) thread_.join();
  }

 private:
  Server server_;
  std::uint16_t port_ = server_.port();
  std::thread thread_;
};

}  // namespace gostyle::test
