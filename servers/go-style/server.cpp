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

tcp::endpoint resolve(asio::io_context& context, const std::string& host, std::uint16_t port) {
  tcp::resolver resolver(context);
  return resolver.resolve(host, std::to_string(port), tcp::resolver::numeric_service).begin()->endpoint();
}

}  // namespace

Server::Server(const contract::ServerOptions& options)
    : options_(options),
      runtime_(options.threads),
      app_(options, runtime_.blocking(), metrics_),
      acceptor_(runtime_.make_task_executor()) {
  std::signal(SIGPIPE, SIG_IGN);  // a peer that went away is an error code, not a signal
  tcp::endpoint endpoint = resolve(runtime_.context(), options.host, options.port);
  acceptor_.open(endpoint.protocol());
  acceptor_.set_option(tcp::acceptor::reuse_address(true));
  acceptor_.bind(endpoint);
  acceptor_.listen(asio::socket_base::max_listen_connections);
}

std::uint16_t Server::port() const { return acceptor_.local_endpoint().port(); }

void Server::stop_on_signals() {
  signals_ = std::make_unique<SignalSet>(runtime_.make_task_executor(), SIGTERM, SIGINT);
  runtime_.go_on(signals_->get_executor(), [this](gort::Yield yield) {
    boost::system::error_code ec;
    signals_->async_wait(yield[ec]);
    if (!ec) stop();  // cancelled (ec set) when the server stops some other way
  });
}

void Server::run() {
  runtime_.go_on(acceptor_.get_executor(), [this](gort::Yield yield) { accept_loop(yield); });
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
  asio::steady_timer backoff_timer(acceptor_.get_executor());
  std::chrono::milliseconds backoff = kFirstAcceptBackoff;
  while (!draining_.load()) {
    gort::TaskExecutor home = runtime_.make_task_executor();
    gohttp::Socket socket(home);
    boost::system::error_code ec;
    acceptor_.async_accept(socket, yield[ec]);
    if (ec == asio::error::operation_aborted || !acceptor_.is_open()) return;
    if (ec) {
      backoff_timer.expires_after(backoff);
      backoff_timer.async_wait(yield[ec]);
      backoff = std::min(backoff * 2, kMaxAcceptBackoff);
      continue;
    }
    backoff = kFirstAcceptBackoff;
    if (over_connection_limit()) {
      metrics_.connection_rejected();
      socket.close(ec);
      continue;
    }
    start_connection(home, std::move(socket));
  }
}

bool Server::over_connection_limit() const {
  // Only this task adds connections, so the count cannot grow between check and add.
  return options_.max_connections != 0 && metrics_.connections_open() >= options_.max_connections;
}

void Server::start_connection(gort::TaskExecutor home, gohttp::Socket socket) {
  socket.set_option(tcp::no_delay(true));
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
  asio::post(acceptor_.get_executor(), [this] {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
  });
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
