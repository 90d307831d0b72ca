#pragma once
// The command line every C++ server takes (docs/api.md, "Every server").
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

namespace apibench::contract {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;  // 0: the kernel picks a free one
  unsigned threads = 0;    // 0: one per hardware thread
  std::size_t cache_bytes = 0;
  std::size_t body_limit = 0;
  std::chrono::milliseconds idle_timeout{0};
  std::chrono::milliseconds header_timeout{0};
  unsigned max_connections = 0;  // 0: no limit
};

ServerOptions default_server_options();

// Either the options, or the exit code of a run that ends here (--help: 0,
// a bad flag: 2, after a one-line message and a usage hint on stderr).
using ParsedOptions = std::variant<ServerOptions, int>;
ParsedOptions parse_server_options(int argc, char** argv, const std::string& server_name);

}  // namespace apibench::contract
