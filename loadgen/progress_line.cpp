#include "loadgen/progress_line.hpp"

#include <unistd.h>

#include <chrono>

#include <fmt/format.h>

#include "loadgen/summary.hpp"

namespace apibench::loadgen {
namespace {

constexpr auto kInterval = std::chrono::seconds(1);

std::int64_t steady_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

std::string format_progress(double elapsed_seconds, double requests_per_second, std::uint64_t p99_ns,
                            std::uint64_t errors) {
  return fmt::format("{:>6.1f} s  {:>10.0f} req/s  p99 {:>10}  errors {}", elapsed_seconds, requests_per_second,
                     format_latency(p99_ns), errors);
}

ProgressLine::ProgressLine(const LiveProgress& live, std::FILE* out) : live_(live), out_(out) {
  if (out_ != nullptr && ::isatty(::fileno(out_)) == 1) thread_ = std::thread([this] { loop(); });
}

ProgressLine::~ProgressLine() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  fmt::print(out_, "\r\033[2K");  // leave the terminal as the summary expects it
  std::fflush(out_);
}

void ProgressLine::loop() {
  std::uint64_t last_requests = 0;
  std::int64_t last_ns = steady_ns();
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kInterval, [this] { return stopping_; })) print(last_requests, last_ns);
}

void ProgressLine::print(std::uint64_t& last_requests, std::int64_t& last_ns) {
  const auto snapshot = live_.snapshot();
  const auto now = steady_ns();
  if (snapshot.measured_start_ns == 0 || now < snapshot.measured_start_ns) {
    fmt::print(out_, "\r\033[2K  warming up");
  } else {
    const double interval = static_cast<double>(now - last_ns) / 1e9;
    const double rate = interval > 0 ? static_cast<double>(snapshot.requests - last_requests) / interval : 0;
    const double elapsed = static_cast<double>(now - snapshot.measured_start_ns) / 1e9;
    fmt::print(out_, "\r\033[2K{}", format_progress(elapsed, rate, snapshot.p99_ns, snapshot.errors));
  }
  std::fflush(out_);
  last_requests = snapshot.requests;
  last_ns = now;
}

}  // namespace apibench::loadgen
