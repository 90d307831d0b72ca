// The hot routes allocate nothing in steady state: after a warm-up, a window
// of keep-alive and pipelined /json, /plaintext and GET /cache/{key} requests
// is served with zero operator new calls in the whole process, on one
// connection and on many connections at once (then the loop interleaves them
// and several yields wait in its queue together). The clients in the window
// are raw send/recv into fixed buffers, so they allocate nothing either.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>

#include <array>
#include <string_view>

#include "allocation_counter.hpp"
#include "closed_loop_client.hpp"
#include "server_fixture.hpp"
#include "testing/http_client.hpp"

namespace apibench::rust_style::test {
namespace {

// Sends request and reads until the reply ends with body_end; false on timeout or close.
bool exchange(int fd, std::string_view request, std::string_view body_end, int expected_replies) {
  if (::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) return false;
  std::array<char, 16384> buffer{};
  std::size_t have = 0;
  int replies = 0;
  while (replies < expected_replies) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 5000) <= 0) return false;
    const ssize_t n = ::recv(fd, buffer.data() + have, buffer.size() - have, 0);
    if (n <= 0) return false;
    have += static_cast<std::size_t>(n);
    replies = 0;
    for (std::string_view seen(buffer.data(), have); seen.find(body_end) != std::string_view::npos;) {
      ++replies;
      seen.remove_prefix(seen.find(body_end) + body_end.size());
    }
  }
  return true;
}

class HotPath : public ServerTest {
 protected:
  void SetUp() override {
    auto options = test_options();
    options.threads = 1;
    start(options);
  }
};

TEST_F(HotPath, SteadyStateRequestsAllocateNothing) {
  ASSERT_EQ(apibench::testing::request_once(
                port(), apibench::testing::request_with_body("PUT", "/cache/hot", "application/octet-stream", "HOTVALUE"))
                ->status,
            201);
  apibench::testing::TestConnection c(port());
  constexpr std::string_view kJson = "GET /json HTTP/1.1\r\nHost: t\r\n\r\n";
  constexpr std::string_view kPlain = "GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n";
  constexpr std::string_view kCache = "GET /cache/hot HTTP/1.1\r\nHost: t\r\n\r\n";
  constexpr std::string_view kPipelined =
      "GET /json HTTP/1.1\r\nHost: t\r\n\r\nGET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n"
      "GET /cache/hot HTTP/1.1\r\nHost: t\r\n\r\nGET /json HTTP/1.1\r\nHost: t\r\n\r\n";
  auto round = [&] {
    return exchange(c.fd(), kJson, "World!\"}", 1) && exchange(c.fd(), kPlain, "World!", 1) &&
           exchange(c.fd(), kCache, "HOTVALUE", 1) && exchange(c.fd(), kPipelined, "\r\n\r\n", 4);
  };
  for (int i = 0; i < 50; ++i) ASSERT_TRUE(round());  // warm-up: buffers reach their steady size

  const std::uint64_t before = allocations_so_far();
  bool ok = true;
  for (int i = 0; i < 200 && ok; ++i) ok = round();
  const std::uint64_t allocated = allocations_so_far() - before;
  ASSERT_TRUE(ok);
  EXPECT_EQ(allocated, 0u);
}

TEST_F(HotPath, ManyConnectionsUnderLoadAllocateNothing) {
  ASSERT_EQ(apibench::testing::request_once(
                port(), apibench::testing::request_with_body("PUT", "/cache/hot", "application/octet-stream", "HOTVALUE"))
                ->status,
            201);
  constexpr std::array<Exchange, 3> kExchanges{{
      {"GET /json HTTP/1.1\r\nHost: t\r\n\r\n", "World!\"}"},
      {"GET /plaintext HTTP/1.1\r\nHost: t\r\n\r\n", "World!"},
      {"GET /cache/hot HTTP/1.1\r\nHost: t\r\n\r\n", "HOTVALUE"},
  }};
  ClosedLoopClient client(port(), 32);
  ASSERT_TRUE(client.run(100, kExchanges));  // warm-up: every connection's buffers reach their steady size

  const std::uint64_t before = allocations_so_far();
  const bool ok = client.run(400, kExchanges);
  const std::uint64_t allocated = allocations_so_far() - before;
  ASSERT_TRUE(ok);
  EXPECT_EQ(allocated, 0u) << "in 32 x 400 requests";
}

}  // namespace
}  // namespace apibench::rust_style::test
