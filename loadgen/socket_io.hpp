#pragma once
// The load generator's I/O layer: non-blocking TCP sockets and an epoll poller. The event
// loop uses only these calls, so an io_uring implementation can replace this file pair
// without touching scheduling or parsing.
#include <sys/socket.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <sys/types.h>

struct epoll_event;  // <sys/epoll.h>, kept out of this header

namespace apibench::loadgen::io {

struct Address {
  sockaddr_storage storage{};
  socklen_t length = 0;
};

// Resolves host:port once, at setup. nullopt and a reason in `error` when it cannot.
std::optional<Address> resolve(const std::string& host, std::uint16_t port, std::string& error);

// Starts a non-blocking connect with TCP_NODELAY. A socket fd (connecting or connected) or -errno.
int start_connect(const Address& address);
// 0 once a started connect has succeeded, else its errno.
int connect_error(int fd);

// >0 bytes, 0 at end of stream, -1 when it would block, or -errno (< -1) on failure.
ssize_t read_some(int fd, char* buffer, std::size_t size);
// >=0 bytes written, -1 when it would block, or -errno (< -1) on failure. Never raises SIGPIPE.
ssize_t write_some(int fd, const char* data, std::size_t size);
void close_socket(int fd);

struct Event {
  std::uint64_t token = 0;
  bool readable = false;  // includes hang-up and error: a read will tell which
  bool writable = false;
};

class Poller {
 public:
  Poller();  // throws std::system_error when the kernel refuses an epoll instance
  Poller(const Poller&) = delete;
  Poller& operator=(const Poller&) = delete;
  ~Poller();

  // Level-triggered interest in readability, plus writability when `want_write`.
  bool add(int fd, std::uint64_t token, bool want_write);
  bool modify(int fd, std::uint64_t token, bool want_write);
  // Waits at most `timeout` (nanosecond precision); returns the events that arrived.
  std::span<const Event> wait(std::chrono::nanoseconds timeout);

 private:
  int wait_raw(epoll_event* raw, std::int64_t ns);

  int epoll_fd_ = -1;
  bool has_pwait2_ = true;
  static constexpr int kMaxEvents = 256;
  Event events_[kMaxEvents];
};

}  // namespace apibench::loadgen::io
