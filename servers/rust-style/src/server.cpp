#include "server.hpp"

#include <boost/asio/ip/address.hpp>
#include <thread>

namespace apibench::rust_style {

namespace asio = boost::asio;

Server::Server(contract::ServerOptions options) : state_(std::move(options)) {
  const unsigned threads = std::max(1u, state_.options().threads);
  asio::ip::tcp::endpoint endpoint(asio::ip::make_address(state_.options().host), state_.options().port);
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
