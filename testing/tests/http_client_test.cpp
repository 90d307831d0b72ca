#include "testing/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <thread>

namespace at = apibench::testing;
using namespace std::chrono_literals;

namespace {

// A listener that answers its one connection with the given bytes once it has read a request.
class OneShotServer {
 public:
  explicit OneShotServer(std::string answer) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t len = sizeof addr;
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    ::listen(fd_, 1);
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    thread_ = std::thread([this, answer = std::move(answer)] {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;  // woken by the destructor: the test never connected
      const timeval read_bound{10, 0};  // a test that never sends does not hang its end
      ::setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &read_bound, sizeof read_bound);
      char buf[1024];
      if (::recv(c, buf, sizeof buf, 0) > 0) ::send(c, answer.data(), answer.size(), MSG_NOSIGNAL);
      std::this_thread::sleep_for(200ms);
      ::close(c);
    });
  }
  ~OneShotServer() {
    ::shutdown(fd_, SHUT_RDWR);  // wakes an accept still waiting
    thread_.join();
    ::close(fd_);
  }
  std::uint16_t port() const { return port_; }

 private:
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::thread thread_;
};

}  // namespace

TEST(TestConnection, ReadsAResponseWithItsHeadersAndBody) {
  OneShotServer server("HTTP/1.1 201 Created\r\nContent-Length: 2\r\nX-Case: Yes\r\n\r\nok");
  auto r = at::request_once(server.port(), at::get_request("/"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 201);
  EXPECT_EQ(r->header("x-case"), "Yes");
  EXPECT_EQ(r->body, "ok");
}

TEST(TestConnection, DecodesAChunkedBody) {
  OneShotServer server("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\na;x=1\r\n0123456789\r\n0\r\n\r\n");
  auto r = at::request_once(server.port(), at::get_request("/"));
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->body, "abc0123456789");
}

TEST(TestConnection, AZeroTimeoutSeesAResponseThatHasArrived) {
  OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  at::TestConnection c(server.port());
  c.send(at::get_request("/"));
  pollfd arrived{c.fd(), POLLIN, 0};  // until the response is here: a sleep would leave that to the scheduler
  ASSERT_EQ(::poll(&arrived, 1, 10'000), 1) << "no response within 10 s";
  EXPECT_TRUE(c.read_response(0ms).has_value());
}

TEST(TestConnection, AZeroTimeoutWithNothingArrivedIsEmpty) {
  OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  at::TestConnection c(server.port());
  EXPECT_FALSE(c.read_response(0ms).has_value());
  c.send(at::get_request("/"));
  EXPECT_TRUE(c.read_response().has_value());
}

TEST(TestConnection, SeesThePeerClose) {
  OneShotServer server("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
  at::TestConnection c(server.port());
  c.send(at::get_request("/"));
  EXPECT_TRUE(c.read_response().has_value());
  EXPECT_TRUE(c.closed_by_peer());
}
