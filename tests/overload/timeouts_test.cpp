// The header and idle timeouts: a thousand connections dripping one header
// byte a second are dropped by the header timeout while requests on other
// connections keep being answered; an idle keep-alive connection is closed.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "testing/http_client.hpp"
#include "tests/overload/dripping_connections.hpp"
#include "tests/overload/server_process.hpp"

namespace apibench::overload {
namespace {
using namespace std::chrono_literals;

constexpr std::size_t kSlowConnections = 1000;

// Requests GET /health on fresh connections until told to stop, counting the answers.
class SteadyTraffic {
 public:
  explicit SteadyTraffic(std::uint16_t port) : thread_([this, port] { run(port); }) {}
  ~SteadyTraffic() { stop(); }
  void stop() {
    stopping_ = true;
    if (thread_.joinable()) thread_.join();
  }
  int sent() const { return sent_; }
  int answered() const { return answered_; }

 private:
  void run(std::uint16_t port) {
    while (!stopping_) {
      ++sent_;
      try {
        auto response = testing::request_once(port, testing::get_request("/health"));
        if (response && response->status == 200) ++answered_;
      } catch (const std::runtime_error&) {
      }
      std::this_thread::sleep_for(20ms);
    }
  }

  std::atomic<bool> stopping_{false};
  std::atomic<int> sent_{0};
  std::atomic<int> answered_{0};
  std::thread thread_;
};

using Timeouts = ServerUnderLoad;

TEST_P(Timeouts, SlowHeadersAreDroppedWhileOtherRequestsAreAnswered) {
  start({"--header-timeout-ms", "1500", "--idle-timeout-ms", "60000"});
  DrippingConnections slow(port(), kSlowConnections);
  SteadyTraffic traffic(port());
  slow.drip();
  // Generous: the timeout is 1.5 s; a server that never enforces it keeps them all 20 s.
  const auto give_up = std::chrono::steady_clock::now() + 20s;
  while (slow.open_count() > 0 && std::chrono::steady_clock::now() < give_up) {
    std::this_thread::sleep_for(1s);
    slow.drip();
  }
  traffic.stop();
  EXPECT_EQ(slow.open_count(), 0u) << "slow connections the header timeout did not close";
  EXPECT_GT(traffic.sent(), 0);
  EXPECT_EQ(traffic.answered(), traffic.sent()) << "requests on other connections went unanswered";
  EXPECT_TRUE(process().running());
}

TEST_P(Timeouts, IdleKeepAliveConnectionIsClosed) {
  start({"--idle-timeout-ms", "1000"});
  testing::TestConnection c(port());
  ASSERT_TRUE(c.send(testing::get_request("/health")));
  auto response = c.read_response(5s);
  ASSERT_TRUE(response && response->status == 200);
  EXPECT_TRUE(c.closed_by_peer(10s)) << "an idle keep-alive connection was still open 10 s after a 1 s idle timeout";
}

TEST_P(Timeouts, ConnectionThatNeverSendsIsClosed) {
  start({"--idle-timeout-ms", "1000", "--header-timeout-ms", "1000"});
  testing::TestConnection c(port());
  EXPECT_TRUE(c.closed_by_peer(10s)) << "a silent connection was still open 10 s after 1 s timeouts";
}

INSTANTIATE_TEST_SUITE_P(CppServers, Timeouts, ::testing::ValuesIn(cpp_servers()), server_param_name);

}  // namespace
}  // namespace apibench::overload
