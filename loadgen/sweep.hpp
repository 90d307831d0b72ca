#pragma once
// Sweep: open-loop steps of rising rate until p99 passes an SLO or errors
// appear. The highest rate that met the SLO is what apibench calls a
// server's maximum throughput: a closed-loop maximum says nothing of latency.
#include <chrono>
#include <optional>
#include <vector>

#include "loadgen/load.hpp"

namespace apibench::loadgen {

struct SweepSpec {
  std::chrono::nanoseconds slo{std::chrono::milliseconds(10)};  // p99 of the corrected latency
  std::chrono::milliseconds step_duration{2000};
  double start_fraction = 0.5;  // first rate, as a fraction of the closed-loop probe's throughput
  double growth = 1.15;         // each step's rate over the last
  unsigned max_steps = 12;
  double min_delivered = 0.97;  // a step delivering less of its rate than this has not kept up
};

struct SweepStep {
  double rate = 0;
  LoadResult result;
  bool met = false;
  const char* verdict = "";  // why it met or missed: "met", "p99 over the SLO", "errors", "fell behind"
};

struct SweepResult {
  double probe_requests_per_second = 0;  // closed loop, before the steps
  std::vector<SweepStep> steps;
  std::optional<double> max_rate;  // the highest rate whose step met the SLO
};

// base is the spec of every step (its rate is ignored). Throws like run_load.
SweepResult run_sweep(const LoadSpec& base, const SweepSpec& sweep);

// The verdict of one step; exposed for tests.
SweepStep judge_step(double rate, LoadResult result, const SweepSpec& sweep);

}  // namespace apibench::loadgen
