#include "server.hpp"

#include <csignal>

#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "http/connection.hpp"

namespace gostyle {

namespace asio = boost::asio;
namespace contract = apibench::contract;
using gohttp::tcp;

namespace {

// Accept errors such as EMFILE are waited out, as net/http's Serve does, from
// 5 ms doubling up to 1 s.
constexpr std::chrono::milliseconds kFirstAcceptBackoff{5};
constexpr std::chrono::milliseconds kMaxAcceptBackoff{1000};

// The accept loop's turn: take up to kAcceptsPerTurn connections off the
// kernel's queue, start the tasks of up to kStartsPerTurn of them, yield.
// Accepting costs a system call; starting a task costs far more (a fresh stack
// and the first touch of its pages, tens of microseconds here). Starting a few
// per turn brings the loop back to the kernel's queue every few starts, so in a
// burst the connections wait here, where nothing limits them, and not in the
// kernel's queue, which drops SYNs once somaxconn are waiting (README.md).
constexpr std::size_t kAcceptsPerTurn = 256;
constexpr std::size_t kStartsPerTurn = 16;

tcp::endpoint resolve(asio::io_context& context, const std::string& host, std::uint16_t port) {
  tcp::resolver resolver(context);
  return resolver.resolve(host, std::to_string(port), tcp::resolver::numeric_service).begin()->endpoint();
}

}  // namespace

Server::Server(const contract::ServerOptions& options)
    : options_(options),
      runtime_(options.threads),
      app_(options, runtime_.blocking(), metrics_),
      listener_(runtime_, resolve(runtime_.context(), options.host, options.port)) {
  std::signal(SIGPIPE, SIG_IGN);  // a peer that went away is an error code, not a signal
}

std::uint16_t Server::port() const { return listener_.port(); }

void Server::stop_on_signals() {
  signals_ = std::make_unique<SignalSet>(runtime_.make_task_executor(), SIGTERM, SIGINT);
  runtime_.go_on(signals_->get_executor(), [this](gort::Yield yield) {
    boost::system::error_code ec;
    signals_->async_wait(yield[ec]);
    if (!ec) stop();  // cancelled (ec set) when the server stops some other way
  });
}

void Server::run() {
  runtime_.go_on(listener_.executor(), [this](gort::Yield yield) { accept_loop(yield); });
  runtime_.go([this](gort::Yield yield) { shutdown_when_stopped(yield); });
  runtime_.run();
  if (signals_) {
    // Asio puts back the default action when the set goes, and a harness may send
    // SIGTERM again while the process exits: with nothing left to stop, that must
    // not turn a clean exit into death by signal.
    signals_.reset();
    std::signal(SIGTERM, SIG_IGN);
    std::signal(SIGINT, SIG_IGN);
  }
}

void Server::stop() { stop_requested_.close(); }

void Server::accept_loop(gort::Yield yield) {
  asio::steady_timer backoff_timer(listener_.executor());
  std::chrono::milliseconds backoff = kFirstAcceptBackoff;
  std::deque<gohttp::Socket> waiting;  // accepted; their task not started yet
  while (!draining_.load()) {
    Listener::Stop stop = listener_.accept_ready(waiting, kAcceptsPerTurn);
    if (stop == Listener::Stop::closed) return;
    start_waiting(waiting, kStartsPerTurn);
    if (stop == Listener::Stop::failed) {
      boost::system::error_code ec;
      backoff_timer.expires_after(backoff);
      backoff_timer.async_wait(yield[ec]);
      backoff = std::min(backoff * 2, kMaxAcceptBackoff);
      continue;
    }
    backoff = kFirstAcceptBackoff;
    if (!waiting.empty() || stop == Listener::Stop::turn_full) {
      gort::yield_now(yield);  // back soon, after the tasks already runnable
    } else if (!listener_.wait_readable(yield)) {
      return;
    }
  }
  // Connections still waiting close as `waiting` goes: shutdown serves none of them.
}

void Server::start_waiting(std::deque<gohttp::Socket>& waiting, std::size_t max) {
  for (std::size_t started = 0; started < max && !waiting.empty(); ++started) {
    gohttp::Socket socket = std::move(waiting.front());
    waiting.pop_front();
    if (over_connection_limit()) {
      metrics_.connection_rejected();
      continue;  // closes as `socket` goes
    }
    start_connection(std::move(socket));
  }
}

bool Server::over_connection_limit() const {
  // Only this task adds connections, so the count cannot grow between check and add.
  return options_.max_connections != 0 && metrics_.connections_open() >= options_.max_connections;
}

void Server::start_connection(gohttp::Socket socket) {
  gort::TaskExecutor home = socket.get_executor();
  boost::system::error_code ignored;
  socket.set_option(tcp::no_delay(true), ignored);  // fails only on a peer that already left
  gohttp::ConnectionSettings settings{{options_.idle_timeout, options_.header_timeout}, &draining_};
  auto connection = std::make_shared<gohttp::Connection>(std::move(socket), settings, app_);
  metrics_.connection_opened();
  connection_tasks_.add();
  connections_.add(connection);
  runtime_.go_on(home, [this, connection](gort::Yield yield) {
    // Released however serve() ends, so shutdown never waits for a task that failed.
    struct Lease {
      Server& server;
      const gohttp::Connection* connection;
      ~Lease() {
        server.connections_.remove(connection);
        server.metrics_.connection_closed();
        server.connection_tasks_.done();
      }
    } lease{*this, connection.get()};
    connection->serve(yield);
  });
}

void Server::shutdown_when_stopped(gort::Yield yield) {
  stop_requested_.receive(yield);  // returns once stop() closes the channel
  draining_.store(true);
  listener_.close();
  if (signals_) {
    asio::post(signals_->get_executor(), [this] {
      boost::system::error_code ignored;
      signals_->cancel(ignored);
    });
  }
  connections_.close_idle();
  connection_tasks_.wait(yield);
}

}  // namespace gostyle
