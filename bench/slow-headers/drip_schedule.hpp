#pragma once
// When each connection sends its next byte. Spread: connection i's turn comes at
// i/N of every second, so the server sees one byte every 1/N s rather than a burst,
// and since each connection opens on its first turn, the openings, the server's
// drops and the reopenings are spread over the second as well. Burst: every
// connection's turn comes at the start of each second.
#include <cstddef>
#include <cstdint>

namespace apibench::slow_headers {

class DripSchedule {
 public:
  static constexpr std::int64_t kSecondNs = 1'000'000'000;

  DripSchedule(std::size_t connections, bool burst, std::int64_t start_ns)
      : connections_(connections), step_ns_(burst ? 0 : kSecondNs / static_cast<std::int64_t>(connections)),
        start_ns_(start_ns) {}

  // The connection whose turn is next, and when that turn is due.
  std::size_t next() const { return cursor_; }
  std::int64_t due_ns() const {
    return start_ns_ + round_ * kSecondNs + static_cast<std::int64_t>(cursor_) * step_ns_;
  }
  void advance() {
    if (++cursor_ == connections_) {
      cursor_ = 0;
      ++round_;
    }
  }

 private:
  std::size_t connections_;
  std::int64_t step_ns_;
  std::int64_t start_ns_;
  std::size_t cursor_ = 0;
  std::int64_t round_ = 0;
};

}  // namespace apibench::slow_headers
