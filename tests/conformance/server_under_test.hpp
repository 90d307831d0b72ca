#pragma once
// A server from its manifest, started as its own process on a free port for
// one test and stopped (SIGTERM) after it. Tests skip, saying why, when the
// server is not built or does not serve the route they check.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "runner/child_process.hpp"
#include "runner/manifest.hpp"
#include "testing/http_client.hpp"

namespace apibench::conformance {

// Every manifest in the tree; a test suite is instantiated once per server.
std::vector<runner::ServerManifest> all_servers();
std::string server_param_name(const ::testing::TestParamInfo<runner::ServerManifest>& info);

}  // namespace apibench::conformance

namespace apibench::runner {
// How gtest names a server in its messages.
inline void PrintTo(const ServerManifest& m, std::ostream* os) { *os << m.name; }
}  // namespace apibench::runner

namespace apibench::conformance {

class ServerTest : public ::testing::TestWithParam<runner::ServerManifest> {
 protected:
  void SetUp() override;
  void TearDown() override;


  std::uint16_t port() const { return port_; }
  testing::TestConnection connect() const { return testing::TestConnection(port_); }
  std::optional<testing::HttpResponse> send(const std::string& raw) const {
    return testing::request_once(port_, raw);
  }
  runner::ChildProcess& process() { return *child_; }

 private:
  std::unique_ptr<runner::ChildProcess> child_;
  std::uint16_t port_ = 0;
};

// Checks common to every response: Content-Length matches, Server and an IMF-fixdate Date are present.
void expect_common_headers(const testing::HttpResponse& r);
// Checks an error response: the status and a JSON body {"error": "<some reason>"}.
void expect_error(const std::optional<testing::HttpResponse>& r, int status);

}  // namespace apibench::conformance

// Skips the test unless the server's manifest lists the route.
#define APIBENCH_REQUIRE_ROUTE(route)   \
  if (GetParam().serves(route)) {       \
  } else                                \
    GTEST_SKIP() << GetParam().name << " does not list route '" << route << "' in its manifest"

#define APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(Suite)                                                       \
  INSTANTIATE_TEST_SUITE_P(Servers, Suite, ::testing::ValuesIn(apibench::conformance::all_servers()), \
                           apibench::conformance::server_param_name)
