#include "loadgen/tests/test_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace apibench::loadgen::testing {
namespace {

constexpr int kPollMs = 10;

int listen_on_loopback(std::uint16_t& port, bool listen_too) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  const int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof addr;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&addr), length) != 0 ||
      (listen_too && ::listen(fd, 1024) != 0) || ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &length) != 0) {
    throw std::runtime_error("test server: cannot listen on 127.0.0.1");
  }
  port = ntohs(addr.sin_port);
  return fd;
}

bool readable_within(int fd, int ms) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, ms) > 0;
}

// Removes complete requests (head plus Content-Length body) from `buffer`; returns how many.
std::size_t take_requests(std::string& buffer) {
  std::size_t count = 0;
  while (true) {
    const auto end = buffer.find("\r\n\r\n");
    if (end == std::string::npos) return count;
    std::size_t body = 0;
    const auto length_at = buffer.substr(0, end).find("Content-Length: ");
    if (length_at != std::string::npos) body = std::stoul(buffer.substr(length_at + 16));
    if (buffer.size() < end + 4 + body) return count;
    buffer.erase(0, end + 4 + body);
    ++count;
  }
}

}  // namespace

TestServer::TestServer(std::string response) : response_(std::move(response)) {
  listen_fd_ = listen_on_loopback(port_, true);
  acceptor_ = std::thread([this] { accept_loop(); });
}

TestServer::~TestServer() {
  stopping_ = true;
  acceptor_.join();
  ::close(listen_fd_);
  std::lock_guard lock(threads_mutex_);
  for (auto& t : connection_threads_) t.join();
}

void TestServer::accept_loop() {
  while (!stopping_) {
    if (!readable_within(listen_fd_, kPollMs)) continue;
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    ++accepted_;
    std::lock_guard lock(threads_mutex_);
    connection_threads_.emplace_back([this, fd] { serve(fd); });
  }
}

bool TestServer::wait_while_paused() const {
  while (paused_ && !stopping_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return !stopping_;
}

// Answers `requests` requests; false when the connection should close.
bool TestServer::answer(int fd, std::size_t requests, unsigned& answered) {
  for (std::size_t i = 0; i < requests; ++i) {
    if (!wait_while_paused()) return false;
    if (delay_us_ > 0) std::this_thread::sleep_for(std::chrono::microseconds(delay_us_.load()));
    if (::send(fd, response_.data(), response_.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(response_.size())) {
      return false;
    }
    ++answered;
    if (close_after_ != 0 && answered >= close_after_) return false;
  }
  return true;
}

void TestServer::serve(int fd) {
  std::string buffer;
  unsigned answered = 0;
  char chunk[16 * 1024];
  while (!stopping_) {
    if (!readable_within(fd, kPollMs)) continue;
    const auto n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
    const auto requests = take_requests(buffer);
    requests_ += requests;
    if (!answer(fd, requests, answered)) break;
  }
  ::close(fd);
}

std::uint16_t refused_port() {
  std::uint16_t port = 0;
  ::close(listen_on_loopback(port, false));  // bound, never listened, closed: nothing accepts there
  return port;
}

}  // namespace apibench::loadgen::testing
