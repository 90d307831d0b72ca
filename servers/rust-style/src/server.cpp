#include "server.hpp"

#include <boost/asio/ip/address.hpp>
#include <thread>

namespace apibench::rust_style {

namespace asio = boost::asio;
namespace {

// SO_REUSEPORT would let this server quietly share a port that another
// process of the same user listens on; a plain bind first makes that a
// failure, as the contract asks. (Port 0 gets a fresh port from the kernel.)
void ensure_port_unused(const asio::ip::tcp::endpoint& endpoint) {
  if (endpoint.port() == 0) return;
  asio::io_context io;
  asio::ip::tcp::acceptor probe(io, endpoint.protocol());
  probe.set_option(asio::ip::tcp::acceptor::reuse_address(true));  // TIME_WAIT leftovers are no owner
  probe.bind(endpoint);
}

}  // namespace

Server::Server(contract::ServerOptions options) : state_(std::move(options)) {
  const unsigned threads = std::max(1u, state_.options().threads);
  asio::ip::tcp::endpoint endpoint(asio::ip::make_address(state_.options().host), state_.options().port);
  ensure_port_unused(endpoint);
  // The first listener learns the port (when 0 asked for any); the others join it.
  loops_.push_back(std::make_unique<EventLoop>(state_, endpoint));
  port_ = loops_.front()->port();
  endpoint.port(port_);
  for (unsigned i = 1; i < threads; ++i) loops_.push_back(std::make_unique<EventLoop>(state_, endpoint));
}

Server::~Server() = default;

void Server::run() {
  std::vector<std::thread> others;
  for (std::size_t i = 1; i < loops_.size(); ++i) others.emplace_back([loop = loops_[i].get()] { loop->run(); });
  loops_.front()->run();
  for (std::thread& t : others) t.join();
}

void Server::stop() {
  for (auto& loop : loops_) loop->stop();
}

}  // namespace apibench::rust_style
