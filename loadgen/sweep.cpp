#include "loadgen/sweep.hpp"

namespace apibench::loadgen {

SweepStep judge_step(double rate, LoadResult result, const SweepSpec& sweep) {
  SweepStep step;
  step.rate = rate;
  std::uint64_t bad_status = 0;
  for (std::size_t c = 0; c < result.status_classes.size(); ++c) {
    if (c != 2) bad_status += result.status_classes[c];
  }
  const auto p99 = std::chrono::nanoseconds(result.latency.value_at_percentile(99));
  if (result.errors.total() > 0 || bad_status > 0) {
    step.verdict = "errors";
  } else if (result.requests_per_second() < rate * sweep.min_delivered) {
    step.verdict = "fell behind";
  } else if (p99 > sweep.slo) {
    step.verdict = "p99 over the SLO";
  } else {
    step.verdict = "met";
    step.met = true;
  }
  step.result = std::move(result);
  return step;
}

SweepResult run_sweep(const LoadSpec& base, const SweepSpec& sweep) {
  SweepResult out;
  LoadSpec probe = base;
  probe.rate.reset();
  probe.duration = sweep.step_duration;
  probe.request_count.reset();  // every step is timed
  out.probe_requests_per_second = run_load(probe).requests_per_second();
  if (out.probe_requests_per_second <= 0) return out;

  LoadSpec step_spec = probe;
  step_spec.duration = sweep.step_duration;
  step_spec.warmup = std::chrono::milliseconds(0);  // the probe and the steps before warm the server
  step_spec.setup.clear();  // the probe sent it already (e.g. the cache preload)
  double rate = out.probe_requests_per_second * sweep.start_fraction;
  for (unsigned i = 0; i < sweep.max_steps; ++i, rate *= sweep.growth) {
    step_spec.rate = rate;
    out.steps.push_back(judge_step(rate, run_load(step_spec), sweep));
    if (!out.steps.back().met) break;
    out.max_rate = rate;
  }
  return out;
}

}  // namespace apibench::loadgen
