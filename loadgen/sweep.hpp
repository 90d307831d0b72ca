#pragma once
// Sweep: open-loop steps of rising rate until p99 passes an SLO or errors
// appear. The highest rate that met the SLO is what apibench calls a
// server's maximum throughput: a closed-loop maximum says nothing of latency.
//
// On a shared machine one transient stall (another process's burst, 50 ms
// off the CPU) can push a whole step's p99 over the SLO. So a step whose p99
// alone missed is run once more; the sweep goes on when the re-run meets the
// SLO. Both attempts are kept. Errors and a generator that fell behind are
// not retried: they say something about the server or the machine, not luck.
#include <chrono>
#include <functional>
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

// One run of a step's rate and what it was judged.
struct SweepAttempt {
  LoadResult result;
  bool met = false;
  const char* verdict = "";  // "met", "p99 over the SLO", "errors", "fell behind"
};

inline constexpr const char* kMetOnRerun = "met on re-run";

struct SweepStep {
  double rate = 0;
  LoadResult result;  // of the final attempt
  bool met = false;   // the final attempt met the SLO
  // "met", kMetOnRerun, or why the final attempt missed ("p99 over the SLO", "errors", "fell behind")
  const char* verdict = "";
  // The first attempt, when its p99 alone missed the SLO and the step was run again.
  std::optional<SweepAttempt> first_attempt;
  bool rerun() const { return first_attempt.has_value(); }
};

struct SweepResult {
  double probe_requests_per_second = 0;  // closed loop, before the steps
  std::vector<SweepStep> steps;
  std::optional<double> max_rate;  // the highest rate whose step's final attempt met the SLO
};

// How a sweep runs one load (the probe or an attempt). Empty: run_load. A test
// passes its own to change the server between attempts.
using LoadRunner = std::function<LoadResult(const LoadSpec&)>;

// The closed-loop probe of a sweep or an open-loop cell: spec run with its rate dropped, to
// see what the server can do at its connections. Throws like run_load.
LoadResult run_probe(const LoadSpec& spec, const LoadRunner& run = {});

// base is the spec of every step (its rate is ignored). Throws like run_load.
SweepResult run_sweep(const LoadSpec& base, const SweepSpec& sweep, const LoadRunner& run = {});

// The verdict of one attempt at a rate; exposed for tests.
SweepAttempt judge_attempt(double rate, LoadResult result, const SweepSpec& sweep);

// A step from its attempts (one, or a retried first and the re-run).
SweepStep make_step(double rate, std::optional<SweepAttempt> first, SweepAttempt last);

// The verdict of a one-attempt step; exposed for tests.
SweepStep judge_step(double rate, LoadResult result, const SweepSpec& sweep);

}  // namespace apibench::loadgen
