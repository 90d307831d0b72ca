#include "dripper.hpp"

#include <chrono>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "drip_schedule.hpp"
#include "loadgen/socket_io.hpp"

namespace apibench::slow_headers {
namespace {

namespace io = loadgen::io;

// After this prefix every byte is 'a': a header value that never ends.
constexpr std::string_view kHead = "GET /json HTTP/1.1\r\nHost: bench\r\nX-Slow: ";
constexpr std::int64_t kSecondNs = DripSchedule::kSecondNs;

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Slot {
  int fd = -1;
  std::uint32_t generation = 0;  // tells this socket's events from an earlier one's
  bool connecting = false;
  std::size_t sent = 0;
  std::int64_t first_byte_ns = -1;
};

class Dripper {
 public:
  Dripper(const Options& options, io::Address address, std::int64_t start_ns)
      : address_(address), start_ns_(start_ns), slots_(options.connections),
        schedule_(options.connections, options.burst, start_ns) {
    log_.kept_open = options.connections;
  }
  Dripper(const Dripper&) = delete;
  Dripper& operator=(const Dripper&) = delete;
  ~Dripper() {
    for (Slot& slot : slots_) io::close_socket(slot.fd);
  }

  DropLog run(std::int64_t end_ns, const std::atomic<bool>& stop) {
    for (std::int64_t now = now_ns(); now < end_ns && !stop.load(); now = now_ns()) {
      for (; schedule_.due_ns() <= now; schedule_.advance()) take_turn(schedule_.next(), now);
      const auto events = poller_.wait(std::chrono::nanoseconds(std::min(schedule_.due_ns(), end_ns) - now));
      const std::int64_t after_wait = now_ns();
      for (const io::Event& event : events) handle(event, after_wait);
    }
    return log_;
  }

 private:
  static std::uint64_t token(std::size_t index, std::uint32_t generation) {
    return (std::uint64_t{generation} << 32) | index;
  }

  void take_turn(std::size_t index, std::int64_t now) {
    Slot& slot = slots_[index];
    if (slot.fd < 0) {
      open(index);
    } else if (!slot.connecting) {
      send_byte(index, now);
    }
  }

  void open(std::size_t index) {
    Slot& slot = slots_[index];
    const int fd = io::start_connect(address_);
    if (fd < 0) {
      ++log_.refused;  // tried again on the connection's next turn
      return;
    }
    slot = Slot{fd, slot.generation + 1, true, 0, -1};
    ++log_.opened;
    if (!poller_.add(fd, token(index, slot.generation), true)) close(index);
  }

  void send_byte(std::size_t index, std::int64_t now) {
    Slot& slot = slots_[index];
    const char byte = slot.sent < kHead.size() ? kHead[slot.sent] : 'a';
    const ssize_t n = io::write_some(slot.fd, &byte, 1);
    if (n == 1) {
      if (slot.first_byte_ns < 0) slot.first_byte_ns = now;
      ++slot.sent;
    } else if (n < -1) {
      dropped(index, now);
    }  // -1: the socket is full, so this turn's byte is skipped
  }

  void handle(const io::Event& event, std::int64_t now) {
    const std::size_t index = event.token & 0xffff'ffffu;
    Slot& slot = slots_[index];
    if (slot.fd < 0 || slot.generation != event.token >> 32) return;  // a socket closed earlier in this batch
    if (slot.connecting) {
      connected(index, now);
    } else if (event.readable) {
      readable(index, now);
    }
  }

  void connected(std::size_t index, std::int64_t now) {
    Slot& slot = slots_[index];
    if (io::connect_error(slot.fd) != 0) {
      ++log_.refused;
      close(index);
      return;
    }
    slot.connecting = false;
    poller_.modify(slot.fd, token(index, slot.generation), false);
    send_byte(index, now);  // the first byte goes at once: the server's header clock starts here
  }

  void readable(std::size_t index, std::int64_t now) {
    char sink[4096];
    for (;;) {
      const ssize_t n = io::read_some(slots_[index].fd, sink, sizeof sink);
      if (n == -1) return;  // an answer (a 408, say) before the close: the end of stream follows
      if (n <= 0) return dropped(index, now);
    }
  }

  // A connection that lasted its first second is reopened at once, as a slowloris
  // would; one closed sooner waits for its next turn, so a server that closes
  // everything at once does not make this loop spin.
  void dropped(std::size_t index, std::int64_t now) {
    const std::int64_t first = slots_[index].first_byte_ns;
    log_.drops.push_back(Drop{now - start_ns_, first < 0 ? -1 : now - first});
    close(index);
    if (first >= 0 && now - first >= kSecondNs) open(index);
  }

  void close(std::size_t index) {
    io::close_socket(slots_[index].fd);
    slots_[index].fd = -1;
  }

  io::Address address_;
  std::int64_t start_ns_;
  std::vector<Slot> slots_;
  DripSchedule schedule_;
  io::Poller poller_;
  DropLog log_;
};

}  // namespace

DropLog drip(const Options& options, const std::atomic<bool>& stop) {
  std::string error;
  const auto address = io::resolve(options.host, options.port, error);
  if (!address) throw std::runtime_error(error);
  const std::int64_t start = now_ns();
  Dripper dripper(options, *address, start);
  return dripper.run(start + options.duration.count() * 1'000'000, stop);
}

}  // namespace apibench::slow_headers
