#pragma once
// The rust-style server: one event loop per thread, each with its own
// SO_REUSEPORT listener, sharing only ServerState. Usable in-process:
//   Server server(options);   // binds; throws boost::system::system_error when it cannot
//   std::thread t([&] { server.run(); });
//   ... server.port() ...
//   server.stop(); t.join();  // graceful: requests in flight are answered
#include <cstdint>
#include <memory>
#include <vector>

#include "contract/server_options.hpp"
#include "event_loop.hpp"
#include "server_state.hpp"

namespace apibench::rust_style {

class Server {
 public:
  explicit Server(contract::ServerOptions options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server();

  std::uint16_t port() const noexcept { return port_; }
  // Blocks, running every loop, until stop() and the last connection closes.
  void run();
  // Thread-safe and idempotent; may come before run().
  void stop();
  // What the loops share (tests look at the blocking pool through it).
  ServerState& state() noexcept { return state_; }

 private:
  ServerState state_;
  std::vector<std::unique_ptr<EventLoop>> loops_;
  std::uint16_t port_ = 0;
};

}  // namespace apibench::rust_style
