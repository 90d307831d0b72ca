// Bursts of connections opened at once, more than the kernel's listen queue
// holds (net.core.somaxconn, 4096 by default): every one must be accepted and
// served, and a stop in the middle of a burst must still return.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstddef>
#include <vector>

#include "testing/http_client.hpp"
#include "tests/test_server.hpp"

namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::TestConnection;
using gostyle::test::RunningServer;
using namespace std::chrono_literals;

constexpr std::size_t kWantedBurst = 6000;
constexpr std::size_t kSpareFiles = 512;  // the test binary's and the server's own descriptors

// Both ends of every connection live in this process, so a burst needs two
// descriptors per connection. The soft limit is raised to the hard one first.
std::size_t burst_size() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
  limit.rlim_cur = limit.rlim_max;
  setrlimit(RLIMIT_NOFILE, &limit);
  getrlimit(RLIMIT_NOFILE, &limit);
  if (limit.rlim_cur <= kSpareFiles) return 0;
  return std::min<std::size_t>(kWantedBurst, (limit.rlim_cur - kSpareFiles) / 2);
}

apibench::contract::ServerOptions one_worker() {
  apibench::contract::ServerOptions o = gostyle::test::test_options();
  o.threads = 1;  // the benchmark's setting, where a starved accept loop showed
  return o;
}

std::vector<TestConnection> open_burst(std::uint16_t port, std::size_t count) {
  std::vector<TestConnection> connections;
  connections.reserve(count);
  for (std::size_t i = 0; i < count; ++i) connections.emplace_back(port);
  return connections;
}

TEST(AcceptBurst, EveryConnectionOfABurstIsAnswered) {
  const std::size_t count = burst_size();
  ASSERT_GE(count, 100u) << "the open-files limit leaves no room for a burst";
  RunningServer s(one_worker());
  std::vector<TestConnection> connections = open_burst(s.port(), count);
  for (TestConnection& c : connections) ASSERT_TRUE(c.send(get_request("/health")));
  std::size_t answered = 0;
  for (TestConnection& c : connections) {
    std::optional<HttpResponse> r = c.read_response(60s);  // generous: only "it did not hang"
    if (r && r->status == 200) ++answered;
  }
  EXPECT_EQ(answered, count);
}

TEST(AcceptBurst, StopDuringABurstClosesEveryConnection) {
  const std::size_t count = burst_size();
  ASSERT_GE(count, 100u) << "the open-files limit leaves no room for a burst";
  RunningServer s(one_worker());
  std::vector<TestConnection> connections = open_burst(s.port(), count);
  s.stop_and_wait();  // returns although many connections may not have a task yet
  std::size_t closed = 0;
  for (TestConnection& c : connections) closed += c.closed_by_peer(10s) ? 1 : 0;
  EXPECT_EQ(closed, count);
}

}  // namespace
