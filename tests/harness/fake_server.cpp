// A stand-in for a server under test that misbehaves on request: the harness
// fault tests point fake manifests at it. It speaks just enough HTTP/1.1 for
// GET requests without bodies.
//   --mode ok            answer {} with a correct Content-Length
//   --mode wrong-length  declare one byte less than the body it sends
//   --mode never-ready   never print the ready line
//   --mode refuse        announce a port where nothing listens
//   --die-after-ms N     SIGKILL itself N ms after the first request
//   --spawn-child        fork a child that lives until signalled (a wrapper's worker)
//   --ignore-term        ignore SIGTERM, so only SIGKILL ends it
//   --pid-file F         append its pid (and its child's) to F
//   --version            print a version and exit
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace {

volatile sig_atomic_t g_term = 0;
void on_term(int) { g_term = 1; }

struct Options {
  std::string mode = "ok";
  int port = 0;
  long die_after_ms = -1;
  bool spawn_child = false;
  bool ignore_term = false;
  std::string pid_file;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--version") {
      std::puts("fake-server 1.0 (apibench harness tests)");
      std::exit(0);
    } else if (a == "--mode") o.mode = next();
    else if (a == "--port") o.port = std::atoi(next().c_str());
    else if (a == "--die-after-ms") o.die_after_ms = std::atol(next().c_str());
    else if (a == "--spawn-child") o.spawn_child = true;
    else if (a == "--ignore-term") o.ignore_term = true;
    else if (a == "--pid-file") o.pid_file = next();
    else if (a == "--threads") next();  // accepted like a real server's, ignored
  }
  return o;
}

void record_pid(const std::string& file, pid_t pid) {
  if (!file.empty()) std::ofstream(file, std::ios::app) << pid << "\n";
}

int listen_on(int port, int& bound_port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(fd, 1024) != 0) std::exit(3);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  bound_port = ntohs(addr.sin_port);
  return fd;
}

void announce(int port) {
  std::printf("listening on 127.0.0.1:%d\n", port);
  std::fflush(stdout);
}

void idle_until_term() {
  while (!g_term) ::usleep(20'000);
}

std::string response_for(const std::string& mode) {
  if (mode == "wrong-length") return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1\r\n\r\n{}";
  return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
}

// Answers every complete request head in buffer; false when the peer is gone.
bool answer(int fd, std::string& buffer, const std::string& response, bool& served) {
  for (auto end = buffer.find("\r\n\r\n"); end != std::string::npos; end = buffer.find("\r\n\r\n")) {
    buffer.erase(0, end + 4);
    if (::send(fd, response.data(), response.size(), MSG_NOSIGNAL) < 0) return false;
    served = true;
  }
  return true;
}

void serve(int listener, const Options& o) {
  std::vector<pollfd> fds{{listener, POLLIN, 0}};
  std::map<int, std::string> buffers;
  const std::string response = response_for(o.mode);
  bool served = false;
  auto first = std::chrono::steady_clock::time_point{};
  while (!g_term) {
    if (served && o.die_after_ms >= 0) {
      if (first == std::chrono::steady_clock::time_point{}) first = std::chrono::steady_clock::now();
      if (std::chrono::steady_clock::now() - first > std::chrono::milliseconds(o.die_after_ms)) ::raise(SIGKILL);
    }
    if (::poll(fds.data(), fds.size(), 20) <= 0) continue;
    if (fds[0].revents & POLLIN) {
      int c = ::accept(listener, nullptr, nullptr);
      if (c >= 0) fds.push_back({c, POLLIN, 0});
    }
    for (std::size_t i = 1; i < fds.size(); ++i) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[4096];
      ssize_t n = ::recv(fds[i].fd, buf, sizeof buf, 0);
      std::string& b = buffers[fds[i].fd];
      if (n > 0) b.append(buf, static_cast<std::size_t>(n));
      if (n <= 0 || !answer(fds[i].fd, b, response, served)) {
        ::close(fds[i].fd);
        buffers.erase(fds[i].fd);
        fds[i].fd = -1;
      }
    }
    std::erase_if(fds, [](const pollfd& p) { return p.fd < 0; });
  }
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  record_pid(o.pid_file, ::getpid());
  if (o.spawn_child) {
    pid_t child = ::fork();
    if (child == 0) {
      for (;;) ::pause();  // ends by a signal only, like a wrapper's worker
    }
    record_pid(o.pid_file, child);
  }
  signal(SIGTERM, o.ignore_term ? SIG_IGN : on_term);
  if (o.mode == "never-ready") {
    idle_until_term();
    return 0;
  }
  int port = 0;
  int listener = listen_on(o.port, port);
  if (o.mode == "refuse") {
    ::close(listener);  // the announced port has no listener any more
    announce(port);
    idle_until_term();
    return 0;
  }
  announce(port);
  serve(listener, o);
  return 0;
}
