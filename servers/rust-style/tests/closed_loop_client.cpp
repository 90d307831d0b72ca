#include "closed_loop_client.hpp"

#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cstring>

namespace apibench::rust_style::test {

ClosedLoopClient::ClosedLoopClient(std::uint16_t port, std::size_t connections) {
  connections_.reserve(connections);
  for (std::size_t c = 0; c < connections; ++c) {
    connections_.emplace_back(port);
    polled_.push_back(pollfd{connections_.back().fd(), POLLIN, 0});
  }
  progress_.resize(connections);
}

bool ClosedLoopClient::run(int requests, std::span<const Exchange> exchanges) {
  std::fill(progress_.begin(), progress_.end(), Progress{});
  for (std::size_t c = 0; c < connections_.size(); ++c) {
    if (!send_next(c, exchanges)) return false;
  }
  for (std::size_t unfinished = connections_.size(); unfinished > 0;) {
    if (::poll(polled_.data(), polled_.size(), 5000) <= 0) return false;
    for (std::size_t c = 0; c < polled_.size(); ++c) {
      if (polled_[c].revents == 0 || progress_[c].answered == requests) continue;
      if (!receive(c, exchanges, requests)) return false;
      if (progress_[c].answered == requests && progress_[c].sent == requests) {
        polled_[c].events = 0;  // done: poll no longer reports it
        --unfinished;
      }
    }
  }
  for (pollfd& p : polled_) p.events = POLLIN;
  return true;
}

bool ClosedLoopClient::send_next(std::size_t c, std::span<const Exchange> exchanges) {
  Progress& p = progress_[c];
  const std::string_view request = exchanges[(c + static_cast<std::size_t>(p.sent)) % exchanges.size()].request;
  ++p.sent;
  return ::send(polled_[c].fd, request.data(), request.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(request.size());
}

// Reads what arrived; once the pending response's end is there, sends the next request.
bool ClosedLoopClient::receive(std::size_t c, std::span<const Exchange> exchanges, int requests) {
  Progress& p = progress_[c];
  const std::string_view end = exchanges[(c + static_cast<std::size_t>(p.answered)) % exchanges.size()].response_end;
  std::array<char, 16384> bytes;
  std::memcpy(bytes.data(), p.kept, p.tail);
  const ssize_t n = ::recv(polled_[c].fd, bytes.data() + p.tail, bytes.size() - p.tail, 0);
  if (n <= 0) return false;
  const std::string_view seen(bytes.data(), p.tail + static_cast<std::size_t>(n));
  if (seen.find(end) == std::string_view::npos) {
    p.tail = std::min(seen.size(), std::min(end.size() - 1, sizeof p.kept));
    std::memcpy(p.kept, seen.data() + seen.size() - p.tail, p.tail);
    return true;
  }
  p.tail = 0;
  ++p.answered;
  return p.sent == requests || send_next(c, exchanges);
}

}  // namespace apibench::rust_style::test
