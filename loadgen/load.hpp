#pragma once
// The load generator's library API: what the runner and `apibench load` call.
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "histogram/latency_histogram.hpp"

namespace apibench::loadgen {

struct RequestTemplate {
  std::string name;  // the endpoint name results are reported under ("json")
  std::string raw;   // the exact bytes of one HTTP/1.1 request
  double weight = 1;
};

// How a generator thread does its I/O. io_uring batches each loop turn's sends and receives
// into one system call; when the kernel refuses it, the run uses epoll and says so.
enum class IoEngine { kEpoll, kUring };

struct LoadSpec {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::vector<RequestTemplate> requests;  // at least one
  unsigned connections = 64;
  unsigned threads = 1;
  std::vector<int> cpus;  // pin the generator's threads here; empty: not pinned
  std::chrono::milliseconds duration{5000};
  std::chrono::milliseconds warmup{1000};  // run, not counted
  std::optional<double> rate;              // open loop at this many requests/s in total; closed loop when empty
  unsigned pipeline = 1;
  std::chrono::milliseconds connect_timeout{2000};
  std::chrono::milliseconds request_timeout{5000};
  IoEngine io = IoEngine::kEpoll;
  // Stop once this many responses were counted (`duration` then only bounds the run).
  std::optional<std::uint64_t> request_count;
  // Raw requests sent once, in order, over one connection before the warm-up (a scenario's
  // cache preload); the run fails (std::runtime_error) unless every answer is 2xx.
  std::vector<std::string> setup;
  // When set and raised (by the runner on Ctrl-C), the run ends within a poll interval; the
  // result then covers less than `duration`.
  const std::atomic<bool>* stop = nullptr;
};

struct ErrorCounts {
  std::uint64_t connect = 0;
  std::uint64_t read = 0;
  std::uint64_t write = 0;
  std::uint64_t timeout = 0;
  std::uint64_t bad_response = 0;
  std::uint64_t total() const { return connect + read + write + timeout + bad_response; }
  ErrorCounts& operator+=(const ErrorCounts& other) {
    connect += other.connect;
    read += other.read;
    write += other.write;
    timeout += other.timeout;
    bad_response += other.bad_response;
    return *this;
  }
};

struct SecondSample {
  std::uint64_t requests = 0;
  std::uint64_t errors = 0;
  std::uint64_t p99_ns = 0;
};

// Results of one endpoint (RequestTemplate::name); templates sharing a name share an entry.
struct EndpointResult {
  std::string name;
  std::uint64_t requests = 0;
  LatencyHistogram latency;       // same clock as LoadResult::latency
  LatencyHistogram service_time;  // from the actual send (open loop; equals latency in a closed loop)
  std::array<std::uint64_t, 6> status_classes{};  // index 1..5: 1xx..5xx
  // Each error of a request's connection, once, against the endpoint of the oldest request
  // unanswered on it (the one it cut off). Connect errors come before any request: they
  // are only in LoadResult::errors, as are bytes that arrive with nothing in flight.
  ErrorCounts errors;
};

struct LoadResult {
  std::uint64_t requests = 0;       // responses completed in the measured window
  std::uint64_t requests_sent = 0;  // requests written in the measured window
  std::uint64_t reconnects = 0;     // connections reopened after a close, reset or error
  // Connections open when the warm-up began: every connection is opened (or has failed,
  // within the connect timeout) before the clock starts.
  std::uint64_t connections_open = 0;
  bool open_loop = false;
  std::chrono::nanoseconds elapsed{0};
  LatencyHistogram latency;       // from intended send time (open loop) or send time (closed loop)
  LatencyHistogram service_time;  // from actual send time: what closed-loop tools report
  ErrorCounts errors;  // in the window, plus the connect errors of the opening of the connections
  std::array<std::uint64_t, 6> status_classes{};  // index 1..5: 1xx..5xx
  std::vector<SecondSample> timeline;  // one entry per second of the measured window
  std::vector<EndpointResult> endpoints;
  double requests_per_second() const {
    return elapsed.count() > 0 ? static_cast<double>(requests) * 1e9 / static_cast<double>(elapsed.count()) : 0;
  }
};

class LiveProgress;

// Runs the load and returns when the duration is over (or request_count responses were
// counted); errors are counted, never thrown. Throws std::invalid_argument for a spec it
// cannot run (no requests, zero connections), std::runtime_error when the setup requests
// fail. `live`, when given, receives progress while it runs (live_progress.hpp).
LoadResult run_load(const LoadSpec& spec, LiveProgress* live = nullptr);

}  // namespace apibench::loadgen
