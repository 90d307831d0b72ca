#include "tests/overload/dripping_connections.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>

namespace apibench::overload {
namespace {

// A head that never ends: after the prefix, one header value grows forever.
constexpr std::string_view kHeadPrefix = "GET /health HTTP/1.1\r\nHost: test\r\nX-Slow: ";

char head_byte(std::size_t i) { return i < kHeadPrefix.size() ? kHeadPrefix[i] : 'a'; }

int connect_to(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    const int err = errno;
    ::close(fd);
    throw std::runtime_error(std::string("connect: ") + std::strerror(err));
  }
  return fd;
}

}  // namespace

DrippingConnections::DrippingConnections(std::uint16_t port, std::size_t count) {
  fds_.reserve(count);
  try {
    for (std::size_t i = 0; i < count; ++i) fds_.push_back(connect_to(port));
  } catch (...) {
    for (int fd : fds_) ::close(fd);
    throw;
  }
}

DrippingConnections::~DrippingConnections() {
  for (int fd : fds_) {
    if (fd >= 0) ::close(fd);
  }
}

// A server may answer (408) before it closes: whatever it sent is read and dropped.
bool DrippingConnections::closed_by_server(int fd) const {
  std::array<char, 4096> sink;
  for (;;) {
    const ssize_t n = ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT);
    if (n == 0) return true;
    if (n < 0) return errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR;
  }
}

void DrippingConnections::drip() {
  const char byte = head_byte(next_byte_++);
  for (int& fd : fds_) {
    if (fd < 0) continue;
    if (closed_by_server(fd) || ::send(fd, &byte, 1, MSG_DONTWAIT | MSG_NOSIGNAL) < 0) {
      ::close(fd);
      fd = -1;
    }
  }
}

std::size_t DrippingConnections::open_count() const {
  return static_cast<std::size_t>(std::count_if(fds_.begin(), fds_.end(), [](int fd) { return fd >= 0; }));
}

}  // namespace apibench::overload
