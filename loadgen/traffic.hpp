#pragma once
// One load-generator thread's traffic logic, shared by its I/O engines (epoll, io_uring):
// the connections and their lifecycle (connect, backoff, timeouts, reopen), parsing and
// completing responses, and queueing requests (refilled in a closed loop, on schedule in an
// open loop). An engine moves the bytes and reports what happened; it never decides what
// to send or how to count.
#include <atomic>
#include <cstdint>
#include <string_view>
#include <vector>

#include "loadgen/connection.hpp"
#include "loadgen/load_plan.hpp"
#include "loadgen/open_loop_schedule.hpp"
#include "loadgen/recorder.hpp"
#include "loadgen/weighted_picker.hpp"

namespace apibench::loadgen {

// steady_clock in nanoseconds: the only clock the generator uses.
std::int64_t now_ns() noexcept;

struct ThreadShare {
  unsigned connections = 1;
  double rate = 0;         // requests/s for this thread; 0 means closed loop
  double phase = 0;        // 0..1 of a send interval, so threads do not send in step
  std::size_t index = 0;
};

// The socket operations that differ between engines.
class Transport {
 public:
  // Starts connecting c (sets c.fd) and watches for the outcome under `token`; false when
  // the attempt failed at once.
  virtual bool connect(Connection& c, std::uint64_t token) = 0;
  // Closes c.fd; events still pending for it arrive under a stale token and are ignored.
  virtual void disconnect(Connection& c) = 0;

 protected:
  ~Transport() = default;
};

class Traffic {
 public:
  Traffic(const LoadPlan& plan, const ThreadShare& share, Transport& transport);

  // Before the clock starts: starts connecting every connection; nothing is sent yet.
  void open_all(std::int64_t now);
  // True while a connection is still connecting (each is given the connect timeout).
  bool opening(std::int64_t now) const;
  // The clock starts: the warm-up at begin_ns, then the measured window. Closed loop: every
  // open connection gets its requests now.
  void start(std::int64_t begin_ns, Window measured);
  // False once the measured window is over or the run was stopped.
  bool running(std::int64_t now) const { return now < measured_.end_ns && !stopped(); }
  // Checks timeouts when due and queues the requests whose time has come; returns the
  // latest time the engine should wake up at.
  std::int64_t prepare_turn(std::int64_t now);
  void finish();  // closes every connection and the recorder

  // The connection a token names, or nullptr when the token is of a socket since closed.
  Connection* find(std::uint64_t token);
  std::uint64_t token_of(const Connection& c) const { return c.token(index_of(c)); }

  // What an engine reports.
  void connected(Connection& c, std::int64_t now);
  void connect_failed(Connection& c, std::int64_t now);
  void received(Connection& c, std::string_view data, std::int64_t now);
  void end_of_stream(Connection& c, std::int64_t now);
  void fail(Connection& c, ErrorKind kind, std::int64_t now);

  // Calls send(c) for every open connection that queued requests since the last call.
  template <class Send>
  void flush_dirty(Send&& send) {
    for (const auto index : dirty_) {
      auto& c = connections_[index];
      c.dirty = false;
      if (c.state == ConnectionState::kOpen) send(c);
    }
    dirty_.clear();
  }

  std::vector<Connection>& connections() { return connections_; }
  const Recorder& recorder() const { return recorder_; }

 private:
  bool open_loop() const { return share_.rate > 0; }
  bool stopped() const { return spec_.stop && spec_.stop->load(std::memory_order_relaxed); }
  void count_error(const Connection& c, ErrorKind kind, std::int64_t now);
  std::uint32_t index_of(const Connection& c) const {
    return static_cast<std::uint32_t>(&c - connections_.data());
  }

  // Connection lifecycle.
  void open(Connection& c, std::int64_t now);
  void close(Connection& c);
  void reopen(Connection& c, std::int64_t now);
  void sweep(std::int64_t now);

  // Responses.
  void complete(Connection& c, const ResponseHead& head, std::int64_t now);

  // Sending.
  void enqueue(Connection& c, std::int64_t intended, std::int64_t now);
  void top_up(Connection& c, std::int64_t now);
  bool dispatch_due(std::int64_t now);
  Connection* find_free_connection();

  const LoadPlan& plan_;
  const LoadSpec& spec_;
  ThreadShare share_;
  Transport& transport_;
  std::vector<Connection> connections_;
  std::vector<std::uint32_t> dirty_;
  WeightedPicker picker_;
  OpenLoopSchedule schedule_;
  Recorder recorder_;
  std::size_t free_cursor_ = 0;
  std::int64_t next_sweep_ns_ = 0;
  std::int64_t phase_end_ns_ = 0;  // of the opening of the connections, then of the window
  bool started_ = false;           // the clock runs: requests may be sent
  Window measured_;
};

}  // namespace apibench::loadgen
