// The system-call floor: an epoll loop that answers each read with one fixed
// response, no parsing, no routing. Whatever a real server costs per request
// above this is its own work. Not a contract server: it answers anything.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

namespace {

constexpr std::string_view kResponse =
    "HTTP/1.1 200 OK\r\nServer: floor\r\nContent-Type: application/json\r\nContent-Length: 27\r\n\r\n"
    "{\"message\":\"Hello, World!\"}";

volatile sig_atomic_t g_stop = 0;
void on_signal(int) { g_stop = 1; }

int listen_on(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, SOMAXCONN) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    std::fprintf(stderr, "apibench-floor-server: cannot listen on port %u: %s\n", port, std::strerror(errno));
    std::exit(1);
  }
  std::printf("listening on 127.0.0.1:%u\n", ntohs(addr.sin_port));
  std::fflush(stdout);
  return fd;
}

void accept_all(int listener, int ep) {
  for (;;) {
    int fd = ::accept4(listener, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    epoll_event ev{EPOLLIN, {.fd = fd}};
    ::epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
  }
}

void answer(int fd) {
  char buf[16384];
  ssize_t n = ::read(fd, buf, sizeof buf);
  if (n <= 0) {
    if (n == 0 || errno != EAGAIN) ::close(fd);
    return;
  }
  if (::write(fd, kResponse.data(), kResponse.size()) < 0) ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint16_t port = 0;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::string_view(argv[i]) == "--port") port = static_cast<std::uint16_t>(std::atoi(argv[i + 1]));
  }
  ::signal(SIGPIPE, SIG_IGN);
  ::signal(SIGTERM, on_signal);
  ::signal(SIGINT, on_signal);
  int listener = listen_on(port);
  int ep = ::epoll_create1(EPOLL_CLOEXEC);
  epoll_event lev{EPOLLIN, {.fd = listener}};
  ::epoll_ctl(ep, EPOLL_CTL_ADD, listener, &lev);
  epoll_event events[256];
  while (!g_stop) {
    int n = ::epoll_wait(ep, events, 256, 200);
    for (int i = 0; i < n; ++i) {
      if (events[i].data.fd == listener) accept_all(listener, ep);
      else answer(events[i].data.fd);
    }
  }
  return 0;
}
