#pragma once
// One generator thread's traffic logic (Traffic, shared by both I/O engines) driven by a
// simulated clock and a simulated server, with no sockets. The open-loop tests assert exact
// counts and send times through it: a real clock on a shared 2-core machine cannot give them.
#include <cstdint>
#include <string_view>
#include <vector>

#include "loadgen/load_plan.hpp"
#include "loadgen/traffic.hpp"

namespace apibench::loadgen::testing {

inline constexpr std::int64_t kMs = 1'000'000;

// Every connect succeeds at once; nothing to close.
class InstantTransport final : public Transport {
 public:
  bool connect(Connection& c, std::uint64_t) override {
    c.fd = 0;
    return true;
  }
  void disconnect(Connection&) override {}
};

// The thread's clock starts at 0 (the warm-up), with every connection open; the measured
// window is spec.warmup .. spec.warmup + spec.duration. The spec is copied.
class SimulatedThread {
 public:
  SimulatedThread(const LoadSpec& spec, double rate, double phase = 0)
      : spec_(spec),
        plan_(make_plan(spec_)),
        traffic_(plan_, ThreadShare{spec.connections, rate, phase, 0}, transport_) {
    traffic_.open_all(0);
    for (auto& c : traffic_.connections()) traffic_.connected(c, 0);
    const std::int64_t start = spec.warmup.count() * kMs;
    traffic_.start(0, Window{start, start + spec.duration.count() * kMs});
  }

  // Engine turns every `step` from `from` while the window runs and t < until: each queues
  // what is due and writes it; then the server answers all it was sent, unless it is paused.
  void turns(std::int64_t from, std::int64_t until, std::int64_t step) {
    for (std::int64_t t = from; t < until && traffic_.running(t); t += step) turn(t);
  }
  void set_server_paused(bool paused) { paused_ = paused; }

  // Every request answered, each as it was stamped when queued (due time and send time).
  const std::vector<InFlight>& answered() const { return answered_; }
  const LoadResult& totals() const { return traffic_.recorder().totals(); }

 private:
  void turn(std::int64_t now) {
    traffic_.prepare_turn(now);
    traffic_.flush_dirty([](Connection& c) { c.out.clear(); });
    if (!paused_) answer_all(now);
  }

  void answer_all(std::int64_t now) {
    static constexpr std::string_view kResponse = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    for (auto& c : traffic_.connections()) {
      while (!c.in_flight.empty()) {
        answered_.push_back(c.in_flight.front());
        traffic_.received(c, kResponse, now);
      }
    }
  }

  LoadSpec spec_;
  LoadPlan plan_;
  InstantTransport transport_;
  Traffic traffic_;
  bool paused_ = false;
  std::vector<InFlight> answered_;
};

}  // namespace apibench::loadgen::testing
