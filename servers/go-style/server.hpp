#pragma once
// The go-style server: an accept-loop task that starts one task per connection,
// and a shutdown task that waits on a channel closed by stop() (Go's
// `<-ctx.Done()`), then stops accepting, closes idle connections and waits for
// the busy ones (a WaitGroup) before the runtime winds down.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>

#include <boost/asio/signal_set.hpp>

#include "app/app.hpp"
#include "app/metrics.hpp"
#include "contract/server_options.hpp"
#include "gort/channel.hpp"
#include "gort/runtime.hpp"
#include "gort/wait_group.hpp"
#include "http/connection_registry.hpp"
#include "http/types.hpp"
#include "listener.hpp"

namespace gostyle {

class Server {
 public:
  // Binds and listens; throws boost::system::system_error when it cannot.
  explicit Server(const apibench::contract::ServerOptions& options);
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::uint16_t port() const;
  // Makes SIGTERM and SIGINT call stop(). For the program, not for in-process tests.
  void stop_on_signals();
  // Serves until stop(), then finishes the requests in flight and returns.
  void run();
  // Graceful stop; safe from any thread, at any time, more than once.
  void stop();

 private:
  using SignalSet = boost::asio::basic_signal_set<gort::TaskExecutor>;

  void accept_loop(gort::Yield yield);
  void start_waiting(std::deque<gohttp::Socket>& waiting, std::size_t max);
  bool over_connection_limit() const;
  void start_connection(gohttp::Socket socket);
  void shutdown_when_stopped(gort::Yield yield);

  apibench::contract::ServerOptions options_;
  gort::Runtime runtime_;
  Metrics metrics_;
  App app_;
  Listener listener_;
  std::unique_ptr<SignalSet> signals_;
  gort::Channel<int> stop_requested_{0};  // never sent on: closing it is the broadcast
  std::atomic<bool> draining_{false};
  gort::WaitGroup connection_tasks_;
  gohttp::ConnectionRegistry connections_;
};

}  // namespace gostyle
