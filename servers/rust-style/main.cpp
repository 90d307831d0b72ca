// apibench-rust-style: parses the options and runs the server (docs/api.md).
#include <fmt/core.h>

#include <cstdio>
#include <exception>
#include <memory>
#include <variant>

#include "contract/ready_line.hpp"
#include "contract/server_options.hpp"
#include "response_writer.hpp"
#include "server.hpp"
#include "shutdown_signals.hpp"

namespace {

namespace rs = apibench::rust_style;

// A failed bind is fatal: one line on stderr, and the caller exits 1.
std::unique_ptr<rs::Server> bind_server(const apibench::contract::ServerOptions& options) {
  try {
    return std::make_unique<rs::Server>(options);
  } catch (const std::exception& e) {
    fmt::print(stderr, "{}: cannot listen on {}:{}: {}\n", rs::kServerName, options.host, options.port, e.what());
    return nullptr;
  }
}

}  // namespace

int main(int argc, char** argv) {
  auto parsed = apibench::contract::parse_server_options(argc, argv, std::string(rs::kServerName));
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const auto& options = std::get<apibench::contract::ServerOptions>(parsed);

  const std::unique_ptr<rs::Server> server = bind_server(options);
  if (!server) return 1;
  rs::ShutdownSignals signals;  // before run() starts the loop threads, which inherit its mask
  signals.watch([&server] { server->stop(); });
  apibench::contract::announce_listening(options.host, server->port());
  server->run();
  return 0;
}
