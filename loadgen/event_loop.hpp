#pragma once
// One load-generator thread: its connections, preallocated at construction, driven by one
// poller. Closed loop: every free pipeline slot is refilled the moment a response arrives.
// Open loop: requests go out at the thread's share of the rate, to any connection with a
// free slot; when none is free they wait, keeping their intended send times.
#include <cstdint>
#include <vector>

#include "loadgen/connection.hpp"
#include "loadgen/load_plan.hpp"
#include "loadgen/open_loop_schedule.hpp"
#include "loadgen/recorder.hpp"
#include "loadgen/socket_io.hpp"
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

class EventLoop {
 public:
  EventLoop(const LoadPlan& plan, const ThreadShare& share);

  // Connects and runs from begin_ns (warm-up start) until the end of the measured window.
  void run(std::int64_t begin_ns, Window measured);
  const Recorder& recorder() const { return recorder_; }

 private:
  bool open_loop() const { return share_.rate > 0; }
  std::int64_t wake_time(bool can_send) const;
  std::uint32_t index_of(const Connection& c) const;

  // Connection lifecycle.
  void open(Connection& c, std::int64_t now);
  void close(Connection& c);
  void connect_failed(Connection& c, std::int64_t now);
  void fail(Connection& c, ErrorKind kind, std::int64_t now);
  void reopen(Connection& c, std::int64_t now);
  void sweep(std::int64_t now);

  // Events.
  void handle(const io::Event& event);
  void on_connected(Connection& c);
  void on_readable(Connection& c);
  void on_end_of_stream(Connection& c, std::int64_t now);
  void consume(Connection& c, std::string_view data, std::int64_t now);
  void complete(Connection& c, const ResponseHead& head, std::int64_t now);

  // Sending.
  void enqueue(Connection& c, std::int64_t intended, std::int64_t now);
  void top_up(Connection& c, std::int64_t now);
  bool dispatch_due(std::int64_t now);
  Connection* find_free_connection();
  void flush(Connection& c);
  void flush_dirty();

  const LoadPlan& plan_;
  const LoadSpec& spec_;
  ThreadShare share_;
  io::Poller poller_;
  std::vector<Connection> connections_;
  std::vector<std::uint32_t> dirty_;
  std::vector<char> read_buffer_;
  WeightedPicker picker_;
  OpenLoopSchedule schedule_;
  Recorder recorder_;
  std::size_t free_cursor_ = 0;
  std::int64_t next_sweep_ns_ = 0;
  Window measured_;
};

}  // namespace apibench::loadgen
