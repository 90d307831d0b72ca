#include "tests/overload/server_process.hpp"

#include <sys/resource.h>

#include <chrono>
#include <stdexcept>

#include "runner/cell.hpp"
#include "testing/http_client.hpp"
#include "tests/hostile/process_memory.hpp"
#include "tests/overload/metrics_text.hpp"

namespace apibench::overload {
using namespace std::chrono_literals;

std::vector<runner::ServerManifest> cpp_servers() {
  std::vector<runner::ServerManifest> all = conformance::all_servers();
  std::erase_if(all, [](const auto& m) { return !m.language.starts_with("C++"); });
  return all;
}

void raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
}

void ServerUnderLoad::start(const std::vector<std::string>& flags) {
  raise_open_file_limit();
  runner::Placeholders p{APIBENCH_BUILD_DIR, APIBENCH_SOURCE_DIR, runner::free_port(), 1};
  if (std::string why = runner::unavailable_reason(GetParam(), p); !why.empty()) GTEST_SKIP() << why;
  std::vector<std::string> argv = runner::expand_command(GetParam(), p);
  argv.insert(argv.end(), flags.begin(), flags.end());
  child_ = std::make_unique<runner::ChildProcess>(runner::SpawnOptions{argv, {}, {}, {}});
  port_ = child_->wait_ready(15s).port;
}

void ServerUnderLoad::TearDown() {
  if (!child_) return;
  auto exit = child_->stop(5s);
  EXPECT_TRUE(exit.clean) << "SIGTERM must end the server with exit 0, got " << exit.description;
}

std::uint64_t ServerUnderLoad::rss() { return hostile::resident_bytes(child_->pid()).value_or(0); }

std::optional<std::uint64_t> ServerUnderLoad::metric(const std::string& name) {
  try {
    auto response = testing::request_once(port_, testing::get_request("/metrics"));
    if (!response || response->status != 200) return std::nullopt;
    return metric_value(response->body, name);
  } catch (const std::runtime_error&) {
    return std::nullopt;
  }
}

}  // namespace apibench::overload
