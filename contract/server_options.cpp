#include "contract/server_options.hpp"

#include <CLI/CLI.hpp>
#include <fmt/core.h>
#include <thread>

#include "contract/limits.hpp"

namespace apibench::contract {

ServerOptions default_server_options() {
  ServerOptions o;
  o.threads = std::max(1u, std::thread::hardware_concurrency());
  o.cache_bytes = kDefaultCacheMb << 20;
  o.body_limit = kDefaultBodyLimit;
  o.idle_timeout = std::chrono::milliseconds(kDefaultIdleTimeoutMs);
  o.header_timeout = std::chrono::milliseconds(kDefaultHeaderTimeoutMs);
  return o;
}

ParsedOptions parse_server_options(int argc, char** argv, const std::string& server_name) {
  ServerOptions o = default_server_options();
  std::size_t cache_mb = o.cache_bytes >> 20;
  unsigned idle_ms = static_cast<unsigned>(o.idle_timeout.count());
  unsigned header_ms = static_cast<unsigned>(o.header_timeout.count());

  CLI::App app{fmt::format("{}: an apibench reference JSON API server (docs/api.md)", server_name)};
  app.add_option("--host", o.host, "address to bind")->capture_default_str();
  app.add_option("--port", o.port, "port to bind; 0 picks a free one")->capture_default_str();
  app.add_option("--threads", o.threads, "worker threads")->check(CLI::Range(1u, 1024u))->capture_default_str();
  app.add_option("--cache-mb", cache_mb, "cache bound in MiB (keys and values)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 20))
      ->capture_default_str();
  app.add_option("--body-limit", o.body_limit, "largest request body in bytes")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  app.add_option("--idle-timeout-ms", idle_ms, "close a keep-alive connection idle this long")
      ->check(CLI::Range(1u, 3'600'000u))
      ->capture_default_str();
  app.add_option("--header-timeout-ms", header_ms, "close a connection whose request headers take longer")
      ->check(CLI::Range(1u, 3'600'000u))
      ->capture_default_str();
  app.add_option("--max-conns", o.max_connections, "connections held at once; 0: no limit")->capture_default_str();
  // What `apibench run` records as each server's version and build (run.json "servers").
  app.set_version_flag("--version", fmt::format("{} {} ({} build, compiler {})", server_name, APIBENCH_VERSION,
                                                APIBENCH_BUILD_TYPE, __VERSION__));

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    fmt::print("{}", app.help());
    return 0;
  } catch (const CLI::CallForVersion& e) {
    fmt::print("{}\n", e.what());
    return 0;
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "{}: {}\nRun '{} --help' for usage.\n", server_name, e.what(), server_name);
    return 2;
  }
  o.cache_bytes = cache_mb << 20;
  o.idle_timeout = std::chrono::milliseconds(idle_ms);
  o.header_timeout = std::chrono::milliseconds(header_ms);
  return o;
}

}  // namespace apibench::contract
