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

// The target of the request line "METHOD TARGET VERSION" at the start of `head`.
std::string target_of(const std::string& head) {
  const auto from = head.find(' ') + 1;
  return head.substr(from, head.find(' ', from) - from);
}

// Removes complete requests (head plus Content-Length body) from `buffer`; returns their targets.
std::vector<std::string> take_requests(std::string& buffer) {
  std::vector<std::string> targets;
  while (true) {
    const auto end = buffer.find("\r\n\r\n");
    if (end == std::string::npos) return targets;
    std::size_t body = 0;
    const auto length_at = buffer.substr(0, end).find("Content-Length: ");
    if (length_at != std::string::npos) body = std::stoul(buffer.substr(length_at + 16));
    if (buffer.size() < end + 4 + body) return targets;
    targets.push_back(target_of(buffer));
    buffer.erase(0, end + 4 + body);
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

const std::string& TestServer::response_to(const std::string& target) const {
  const auto special = responses_.find(target);
  return special == responses_.end() ? response_ : special->second;
}

// Answers the requests for `targets`; false when the connection should close.
bool TestServer::answer(int fd, const std::vector<std::string>& targets, unsigned& answered) {
  for (const auto& target : targets) {
    if (!wait_while_paused()) return false;
    if (delay_us_ > 0) std::this_thread::sleep_for(std::chrono::microseconds(delay_us_.load()));
    const auto& response = response_to(target);
    if (response.empty() ||
        ::send(fd, response.data(), response.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(response.size())) {
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
    const auto targets = take_requests(buffer);
    requests_ += targets.size();
    if (!answer(fd, targets, answered)) break;
  }
  ::close(fd);
}

std::uint16_t refused_port() {
  std::uint16_t port = 0;
  ::close(listen_on_loopback(port, false));  // bound, never listened, closed: nothing accepts there
  return port;
}

}  // namespace apibench::loadgen::testing
