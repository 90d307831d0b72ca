#pragma once
// A tiny in-process HTTP server for the load generator's tests: thread per connection on
// 127.0.0.1, one fixed response per request, and knobs to misbehave (delay, a wrong
// response, closing after N responses, pausing). Every wait is bounded; the destructor
// stops and joins everything.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace apibench::loadgen::testing {

inline constexpr const char* kOkResponse = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";

class TestServer {
 public:
  explicit TestServer(std::string response = kOkResponse);
  TestServer(const TestServer&) = delete;
  TestServer& operator=(const TestServer&) = delete;
  ~TestServer();

  std::uint16_t port() const { return port_; }
  std::uint64_t requests_received() const { return requests_.load(); }
  std::uint64_t connections_accepted() const { return accepted_.load(); }

  void set_delay(std::chrono::microseconds delay) { delay_us_ = delay.count(); }
  // Close each connection after this many responses, without announcing it (0: never).
  void set_close_after(unsigned responses) { close_after_ = responses; }
  // While paused, requests are read but not answered.
  void set_paused(bool paused) { paused_ = paused; }
  // Requests for `target` get `response` instead; an empty one closes the connection
  // unanswered. Set before the first request arrives.
  void set_response_for(const std::string& target, std::string response) { responses_[target] = std::move(response); }

 private:
  void accept_loop();
  void serve(int fd);
  bool wait_while_paused() const;
  bool answer(int fd, const std::vector<std::string>& targets, unsigned& answered);
  const std::string& response_to(const std::string& target) const;

  std::string response_;
  std::map<std::string, std::string> responses_;  // by request target
  int listen_fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<bool> paused_{false};
  std::atomic<std::int64_t> delay_us_{0};
  std::atomic<unsigned> close_after_{0};
  std::atomic<std::uint64_t> requests_{0};
  std::atomic<std::uint64_t> accepted_{0};
  std::mutex threads_mutex_;
  std::vector<std::thread> connection_threads_;
  std::thread acceptor_;
};

// A port on 127.0.0.1 with nothing listening: connecting to it is refused.
std::uint16_t refused_port();

}  // namespace apibench::loadgen::testing
