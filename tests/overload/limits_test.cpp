// The body and header limits: a body over --body-limit is answered 413 and a
// head over 8 KiB 431, each then closed; at the limit the request is served.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "contract/limits.hpp"
#include "testing/http_client.hpp"
#include "tests/overload/server_process.hpp"

namespace apibench::overload {
namespace {
using namespace std::chrono_literals;

constexpr std::size_t kBodyLimit = 4096;

std::string put_value(std::size_t size) {
  return testing::request_with_body("PUT", "/cache/limit", "application/octet-stream", std::string(size, 'v'));
}

std::string chunked_put(std::size_t size) {
  return "PUT /cache/limit HTTP/1.1\r\nHost: test\r\nTransfer-Encoding: chunked\r\n\r\n" + fmt::format("{:x}", size) + "\r\n" +
         std::string(size, 'v') + "\r\n0\r\n\r\n";
}

// One request on a fresh connection: its status, and whether the server closed after it.
struct Refusal {
  int status = 0;
  bool closed = false;
};
Refusal send_and_watch(std::uint16_t port, const std::string& request) {
  testing::TestConnection c(port);
  c.send(request);  // the server may close before it has read everything
  auto response = c.read_response(5s);
  return {response ? response->status : 0, c.closed_by_peer(5s)};
}

using Limits = ServerUnderLoad;

TEST_P(Limits, BodyOverTheLimitIs413ThenClose) {
  start({"--body-limit", std::to_string(kBodyLimit)});
  auto at_limit = testing::request_once(port(), put_value(kBodyLimit));
  ASSERT_TRUE(at_limit);
  EXPECT_EQ(at_limit->status, 201);
  for (const std::string& request : {put_value(kBodyLimit + 1), chunked_put(kBodyLimit + 1),
                                     testing::request_with_body("POST", "/orders", "application/json",
                                                                std::string(kBodyLimit + 1, ' '))}) {
    const Refusal r = send_and_watch(port(), request);
    EXPECT_EQ(r.status, 413) << request.substr(0, request.find('\r'));
    EXPECT_TRUE(r.closed) << request.substr(0, request.find('\r'));
  }
}

TEST_P(Limits, HeadOverTheLimitIs431ThenClose) {
  start({});
  const std::string under = testing::get_request("/health", "X-Pad: " + std::string(contract::kMaxHeaderBytes / 2, 'p') + "\r\n");
  auto served = testing::request_once(port(), under);
  ASSERT_TRUE(served);
  EXPECT_EQ(served->status, 200);
  const std::string over = testing::get_request("/health", "X-Pad: " + std::string(contract::kMaxHeaderBytes, 'p') + "\r\n");
  const Refusal r = send_and_watch(port(), over);
  EXPECT_EQ(r.status, 431);
  EXPECT_TRUE(r.closed);
}

INSTANTIATE_TEST_SUITE_P(CppServers, Limits, ::testing::ValuesIn(cpp_servers()), server_param_name);

}  // namespace
}  // namespace apibench::overload
