#include "loadgen/setup_requests.hpp"

#include <poll.h>

#include <algorithm>
#include <string_view>

#include <fmt/format.h>

#include "loadgen/response_parser.hpp"

namespace apibench::loadgen {
namespace {

constexpr std::size_t kBatch = 64;  // requests written before their answers are read

// One blocking-style connection over the non-blocking socket calls, every wait bounded.
class SetupConnection {
 public:
  SetupConnection(const io::Address& address, std::chrono::milliseconds timeout) : timeout_(timeout) {
    fd_ = io::start_connect(address);
    if (fd_ >= 0 && (!wait_for(POLLOUT) || io::connect_error(fd_) != 0)) close();
  }
  ~SetupConnection() { close(); }
  SetupConnection(const SetupConnection&) = delete;
  SetupConnection& operator=(const SetupConnection&) = delete;

  bool connected() const { return fd_ >= 0; }

  bool write_all(std::string_view data) {
    while (!data.empty()) {
      const auto n = io::write_some(fd_, data.data(), data.size());
      if (n == -1 && wait_for(POLLOUT)) continue;
      if (n <= 0) return false;
      data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
  }

  // Reads the next response's status; 0 when the connection failed or timed out.
  int read_status() {
    while (true) {
      if (!pending_.empty()) {
        const auto step = parser_.feed(pending_, false);
        pending_.erase(0, step.consumed);
        if (step.outcome == ResponseParser::Outcome::kError) return 0;
        if (step.outcome == ResponseParser::Outcome::kResponse) return parser_.response().status;
      }
      char buffer[16384];
      const auto n = wait_for(POLLIN) ? io::read_some(fd_, buffer, sizeof buffer) : 0;
      if (n <= 0) return 0;
      pending_.append(buffer, static_cast<std::size_t>(n));
    }
  }

 private:
  bool wait_for(short events) {
    pollfd p{fd_, events, 0};
    return ::poll(&p, 1, static_cast<int>(timeout_.count())) == 1;
  }
  void close() {
    if (fd_ >= 0) io::close_socket(fd_);
    fd_ = -1;
  }

  int fd_ = -1;
  std::chrono::milliseconds timeout_;
  ResponseParser parser_;
  std::string pending_;
};

std::string first_line(const std::string& request) { return request.substr(0, request.find('\r')); }

}  // namespace

std::optional<std::string> send_setup_requests(const io::Address& address, const std::vector<std::string>& requests,
                                               std::chrono::milliseconds timeout) {
  if (requests.empty()) return std::nullopt;
  SetupConnection connection(address, timeout);
  if (!connection.connected()) return "setup: cannot connect to the server";
  for (std::size_t begin = 0; begin < requests.size(); begin += kBatch) {
    const std::size_t end = std::min(begin + kBatch, requests.size());
    std::string batch;
    for (std::size_t i = begin; i < end; ++i) batch += requests[i];
    if (!connection.write_all(batch)) return "setup: the connection failed while sending";
    for (std::size_t i = begin; i < end; ++i) {
      const int status = connection.read_status();
      if (status == 0) return fmt::format("setup: no answer to '{}'", first_line(requests[i]));
      if (status / 100 != 2) return fmt::format("setup: '{}' was answered {}", first_line(requests[i]), status);
    }
  }
  return std::nullopt;
}

}  // namespace apibench::loadgen
