// apibench-go-style: parse the contract's options, bind, announce, serve.
#include <cstdio>
#include <exception>
#include <variant>

#include "contract/ready_line.hpp"
#include "contract/server_options.hpp"
#include "server.hpp"

int main(int argc, char** argv) {
  namespace contract = apibench::contract;
  contract::ParsedOptions parsed = contract::parse_server_options(argc, argv, "apibench-go-style");
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  const auto& options = std::get<contract::ServerOptions>(parsed);
  try {
    gostyle::Server server(options);
    server.stop_on_signals();
    contract::announce_listening(options.host, server.port());
    server.run();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "apibench-go-style: cannot serve on %s:%u: %s\n", options.host.c_str(),
                 static_cast<unsigned>(options.port), e.what());
    return 1;
  }
  return 0;
}
