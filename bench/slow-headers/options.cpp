#include "options.hpp"

#include <iostream>

#include <CLI/CLI.hpp>

#include "loadgen/duration.hpp"

namespace apibench::slow_headers {

ParsedOptions parse_options(int argc, char** argv) {
  Options options;
  std::string duration = "30s";
  CLI::App app{"Slow-header (slowloris) connections: each sends one byte of an endless request head a second.",
               "apibench-slow-headers"};
  app.add_option("--host", options.host, "server address (default 127.0.0.1)");
  app.add_option("--port", options.port, "server port")->required()->check(CLI::Range(1, 65535));
  app.add_option("--connections", options.connections, "connections kept open (default 1000)")
      ->check(CLI::Range(1u, 100'000u));
  app.add_option("--duration", duration, "how long to run: 30s, 500ms, 2m; a bare number is seconds (default 30s)");
  app.add_flag("--burst", options.burst, "open and drip all connections at the same instant (default: spread)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return 0;
  } catch (const CLI::ParseError& e) {
    std::cerr << "apibench-slow-headers: " << e.what() << " (--help for usage)\n";
    return 2;
  }
  const auto parsed = loadgen::parse_duration(duration);
  if (!parsed || parsed->count() <= 0) {
    std::cerr << "apibench-slow-headers: --duration '" << duration << "' is not a positive duration such as 30s or 500ms\n";
    return 2;
  }
  options.duration = *parsed;
  return options;
}

}  // namespace apibench::slow_headers
