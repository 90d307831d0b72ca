#include "loadgen/socket_io.hpp"

#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace apibench::loadgen::io {

std::optional<Address> resolve(const std::string& host, std::uint16_t port, std::string& error) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  const auto service = std::to_string(port);
  const int rc = getaddrinfo(host.c_str(), service.c_str(), &hints, &found);
  if (rc != 0 || found == nullptr) {
    error = "cannot resolve host '" + host + "': " + gai_strerror(rc);
    return std::nullopt;
  }
  Address address;
  std::memcpy(&address.storage, found->ai_addr, found->ai_addrlen);
  address.length = found->ai_addrlen;
  freeaddrinfo(found);
  return address;
}

int start_connect(const Address& address) {
  const int fd = ::socket(address.storage.ss_family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return -errno;
  const int one = 1;
  ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address.storage), address.length) == 0 ||
      errno == EINPROGRESS) {
    return fd;
  }
  const int err = errno;
  ::close(fd);
  return -err;
}

int connect_error(int fd) {
  int err = 0;
  socklen_t length = sizeof err;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &length) != 0) return errno;
  return err;
}

ssize_t read_some(int fd, char* buffer, std::size_t size) {
  const ssize_t n = ::recv(fd, buffer, size, 0);
  if (n >= 0) return n;
  return (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) ? -1 : -errno;
}

ssize_t write_some(int fd, const char* data, std::size_t size) {
  const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
  if (n >= 0) return n;
  return (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) ? -1 : -errno;
}

void close_socket(int fd) {
  if (fd >= 0) ::close(fd);
}

Poller::Poller() : epoll_fd_(::epoll_create1(EPOLL_CLOEXEC)) {
  if (epoll_fd_ < 0) throw std::system_error(errno, std::generic_category(), "epoll_create1");
}

Poller::~Poller() { ::close(epoll_fd_); }

namespace {

epoll_event interest(std::uint64_t token, bool want_write) {
  epoll_event event{};
  event.events = EPOLLIN | EPOLLRDHUP | (want_write ? EPOLLOUT : 0u);
  event.data.u64 = token;
  return event;
}

}  // namespace

bool Poller::add(int fd, std::uint64_t token, bool want_write) {
  auto event = interest(token, want_write);
  return ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) == 0;
}

bool Poller::modify(int fd, std::uint64_t token, bool want_write) {
  auto event = interest(token, want_write);
  return ::epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, fd, &event) == 0;
}

// epoll_pwait2 (Linux 5.11) for nanosecond timeouts; where it is missing (older kernels,
// valgrind) epoll_wait, its timeout rounded up to a millisecond so it never spins.
int Poller::wait_raw(epoll_event* raw, std::int64_t ns) {
  if (has_pwait2_) {
    const timespec limit{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
    const int n = ::epoll_pwait2(epoll_fd_, raw, kMaxEvents, &limit, nullptr);
    if (n >= 0 || errno != ENOSYS) return n;
    has_pwait2_ = false;
  }
  const auto ms = std::min<std::int64_t>((ns + 999'999) / 1'000'000, INT32_MAX);
  return ::epoll_wait(epoll_fd_, raw, kMaxEvents, static_cast<int>(ms));
}

std::span<const Event> Poller::wait(std::chrono::nanoseconds timeout) {
  epoll_event raw[kMaxEvents];
  const int n = wait_raw(raw, std::max<std::int64_t>(timeout.count(), 0));
  if (n <= 0) return {};  // timeout, or EINTR: the caller's loop simply comes back
  for (int i = 0; i < n; ++i) {
    events_[i].token = raw[i].data.u64;
    events_[i].readable = (raw[i].events & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0;
    events_[i].writable = (raw[i].events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) != 0;
  }
  return {events_, static_cast<std::size_t>(n)};
}

}  // namespace apibench::loadgen::io
