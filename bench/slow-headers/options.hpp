#pragma once
// The slow-header client's command line.
#include <chrono>
#include <cstdint>
#include <string>
#include <variant>

namespace apibench::slow_headers {

struct Options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  unsigned connections = 1000;
  std::chrono::milliseconds duration{30'000};
  // All connections opened at once and sending in the same instant each second,
  // so they are dropped and reopened in one wave: the old scripts/slow-headers.py's shape.
  bool burst = false;
};

// Either the options, or the exit code of a run that ends here (--help: 0, a bad
// flag: 2, after a one-line message on stderr).
using ParsedOptions = std::variant<Options, int>;
ParsedOptions parse_options(int argc, char** argv);

}  // namespace apibench::slow_headers
