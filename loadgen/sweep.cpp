#include "loadgen/sweep.hpp"

#include <string_view>

namespace apibench::loadgen {
namespace {

constexpr const char* kP99OverSlo = "p99 over the SLO";

// Only a p99 miss earns a second try: errors and a generator that fell behind
// would most likely repeat, and a retry would hide them.
bool worth_rerunning(const SweepAttempt& attempt) {
  return !attempt.met && std::string_view(attempt.verdict) == kP99OverSlo;
}

}  // namespace

SweepAttempt judge_attempt(double rate, LoadResult result, const SweepSpec& sweep) {
  SweepAttempt attempt;
  std::uint64_t bad_status = 0;
  for (std::size_t c = 0; c < result.status_classes.size(); ++c) {
    if (c != 2) bad_status += result.status_classes[c];
  }
  const auto p99 = std::chrono::nanoseconds(result.latency.value_at_percentile(99));
  if (result.errors.total() > 0 || bad_status > 0) {
    attempt.verdict = "errors";
  } else if (result.requests_per_second() < rate * sweep.min_delivered) {
    attempt.verdict = "fell behind";
  } else if (p99 > sweep.slo) {
    attempt.verdict = kP99OverSlo;
  } else {
    attempt.verdict = "met";
    attempt.met = true;
  }
  attempt.result = std::move(result);
  return attempt;
}

SweepStep make_step(double rate, std::optional<SweepAttempt> first, SweepAttempt last) {
  SweepStep step;
  step.rate = rate;
  step.met = last.met;
  step.verdict = last.met && first ? kMetOnRerun : last.verdict;
  step.result = std::move(last.result);
  step.first_attempt = std::move(first);
  return step;
}

SweepStep judge_step(double rate, LoadResult result, const SweepSpec& sweep) {
  return make_step(rate, std::nullopt, judge_attempt(rate, std::move(result), sweep));
}

namespace {

// One step at spec's rate: one attempt, or two when the first missed on p99 alone.
SweepStep run_step(const LoadSpec& spec, const SweepSpec& sweep, const LoadRunner& run) {
  const double rate = *spec.rate;
  SweepAttempt attempt = judge_attempt(rate, run(spec), sweep);
  if (!worth_rerunning(attempt)) return make_step(rate, std::nullopt, std::move(attempt));
  SweepAttempt rerun = judge_attempt(rate, run(spec), sweep);
  return make_step(rate, std::move(attempt), std::move(rerun));
}

}  // namespace

LoadResult run_probe(const LoadSpec& spec, const LoadRunner& run) {
  LoadSpec probe = spec;
  probe.rate.reset();
  return run ? run(probe) : run_load(probe);
}

SweepResult run_sweep(const LoadSpec& base, const SweepSpec& sweep, const LoadRunner& runner) {
  LoadRunner run = runner;
  if (!run) run = [](const LoadSpec& spec) { return run_load(spec); };
  SweepResult out;
  LoadSpec step_spec = base;
  step_spec.duration = sweep.step_duration;
  step_spec.request_count.reset();  // every step is timed
  out.probe_requests_per_second = run_probe(step_spec, run).requests_per_second();
  if (out.probe_requests_per_second <= 0) return out;

  step_spec.warmup = std::chrono::milliseconds(0);  // the probe and the steps before warm the server
  step_spec.setup.clear();  // the probe sent it already (e.g. the cache preload)
  double rate = out.probe_requests_per_second * sweep.start_fraction;
  for (unsigned i = 0; i < sweep.max_steps; ++i, rate *= sweep.growth) {
    step_spec.rate = rate;
    out.steps.push_back(run_step(step_spec, sweep, run));
    if (!out.steps.back().met) break;
    out.max_rate = rate;
  }
  return out;
}

}  // namespace apibench::loadgen
