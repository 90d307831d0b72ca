#include "runner/idle_connections.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>
#include <vector>

#include "runner/proc_stats.hpp"

namespace apibench::runner {
namespace {

constexpr timeval kSocketTimeout{5, 0};

class Fds {
 public:
  ~Fds() {
    for (int fd : fds_) ::close(fd);
  }
  void add(int fd) { fds_.push_back(fd); }
  const std::vector<int>& all() const { return fds_; }

 private:
  std::vector<int> fds_;
};

int open_and_send(const sockaddr_in& addr, const std::string& request, std::string& error) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    error = std::string("socket: ") + std::strerror(errno);
    return -1;
  }
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &kSocketTimeout, sizeof kSocketTimeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &kSocketTimeout, sizeof kSocketTimeout);
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0 ||
      ::send(fd, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    error = std::string("connect/send: ") + std::strerror(errno);
    ::close(fd);
    return -1;
  }
  return fd;
}

// Reads the response head; true for a 200. The small body comes with it or stays unread.
bool answered_ok(int fd) {
  std::string head;
  char buf[1024];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < 16384) {
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) return false;
    head.append(buf, static_cast<std::size_t>(n));
  }
  return head.compare(0, 12, "HTTP/1.1 200") == 0;
}

void raise_open_file_limit(unsigned wanted) {
  rlimit lim{};
  if (::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur < wanted + 64 && lim.rlim_cur < lim.rlim_max) {
    lim.rlim_cur = lim.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &lim);
  }
}

}  // namespace

IdleMeasurement hold_idle_connections(pid_t server, const std::string& host, std::uint16_t port, unsigned count,
                                      const std::string& request, const std::atomic<bool>* stop) {
  auto stopped = [stop] { return stop && stop->load(); };
  IdleMeasurement m;
  m.asked = count;
  raise_open_file_limit(count);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  ::inet_pton(AF_INET, host.c_str(), &addr.sin_addr);
  if (auto s = read_tree_stats(server)) m.rss_before_bytes = s->rss_bytes;

  Fds fds;
  for (unsigned i = 0; i < count && !stopped(); ++i) {
    int fd = open_and_send(addr, request, m.error);
    if (fd < 0) break;
    fds.add(fd);
  }
  for (int fd : fds.all()) {
    if (stopped()) break;
    if (answered_ok(fd)) ++m.answered;
    else if (m.error.empty()) m.error = "a connection was not answered with 200";
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // let the server settle before reading its RSS
  if (auto s = read_tree_stats(server)) m.rss_after_bytes = s->rss_bytes;
  return m;
}

}  // namespace apibench::runner
