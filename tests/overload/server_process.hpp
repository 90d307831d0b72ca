#pragma once
// One of the C++ reference servers as its own process on a free port, started
// with the limits a test wants to push against (extra command-line flags),
// stopped with SIGTERM when the test ends. Tests are instantiated once per
// C++ server manifest.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "runner/child_process.hpp"
#include "runner/manifest.hpp"
#include "tests/conformance/server_under_test.hpp"

namespace apibench::overload {

// The manifests of the C++ servers (language "C++..."), the ones whose limits are ours to test.
std::vector<runner::ServerManifest> cpp_servers();
using conformance::server_param_name;

// Raises the soft limit on open files to the hard limit, so a test (and the
// servers it starts, which inherit it) can hold a thousand connections.
void raise_open_file_limit();

class ServerUnderLoad : public ::testing::TestWithParam<runner::ServerManifest> {
 protected:
  // Starts the server with its manifest's command plus flags; skips the test when it is not built.
  void start(const std::vector<std::string>& flags);
  void TearDown() override;

  std::uint16_t port() const { return port_; }
  runner::ChildProcess& process() { return *child_; }
  // Resident bytes of the server process (0 when /proc no longer has it).
  std::uint64_t rss();
  // A value from GET /metrics on a fresh connection; nullopt when it is not answered.
  std::optional<std::uint64_t> metric(const std::string& name);

 private:
  std::unique_ptr<runner::ChildProcess> child_;
  std::uint16_t port_ = 0;
};

}  // namespace apibench::overload
