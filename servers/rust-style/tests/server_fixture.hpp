#pragma once
// An in-process rust-style server on a free 127.0.0.1 port for one test.
#include <gtest/gtest.h>

#include <memory>
#include <thread>

#include "contract/server_options.hpp"
#include "server.hpp"

namespace apibench::rust_style::test {

inline contract::ServerOptions test_options() {
  contract::ServerOptions o = contract::default_server_options();
  o.port = 0;
  o.threads = 2;
  o.cache_bytes = 8 << 20;
  return o;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override { start(test_options()); }
  void TearDown() override { stop(); }

  void start(const contract::ServerOptions& options) {
    stop();
    server_ = std::make_unique<Server>(options);
    thread_ = std::thread([this] { server_->run(); });
  }
  void stop() {
    if (!server_) return;
    server_->stop();
    thread_.join();
    server_.reset();
  }
  std::uint16_t port() const { return server_->port(); }
  Server& server() { return *server_; }

 private:
  std::unique_ptr<Server> server_;
  std::thread thread_;
};

}  // namespace apibench::rust_style::test
