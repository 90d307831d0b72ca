#pragma once
// The epoll engine: one thread's connections driven by level-triggered readiness, with
// non-blocking reads and writes. Closed loop: every free pipeline slot is refilled the
// moment a response arrives. Open loop: requests go out at the thread's share of the rate,
// to any connection with a free slot; when none is free they wait, keeping their intended
// send times. (The decisions are the shared Traffic's; this file only moves bytes.)
#include <cstdint>
#include <vector>

#include "loadgen/engine.hpp"
#include "loadgen/socket_io.hpp"
#include "loadgen/traffic.hpp"

namespace apibench::loadgen {

class EventLoop final : public Engine, private Transport {
 public:
  EventLoop(const LoadPlan& plan, const ThreadShare& share);

 private:
  Traffic& traffic() override { return traffic_; }
  void turn(std::int64_t now, std::int64_t wake) override;
  bool connect(Connection& c, std::uint64_t token) override;
  void disconnect(Connection& c) override;

  void handle(const io::Event& event);
  void on_connected(Connection& c);
  void on_readable(Connection& c);
  void flush(Connection& c);
  void flush_dirty();

  const LoadPlan& plan_;
  io::Poller poller_;
  std::vector<char> read_buffer_;
  Traffic traffic_;
};

}  // namespace apibench::loadgen
