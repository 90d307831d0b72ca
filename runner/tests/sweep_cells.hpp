#pragma once
// Made-up loads and sweep cells for the tests of how a sweep is recorded and shown: the
// runner's run.json and summary (sweep_record_test.cpp) and the report's tables read back
// from that run.json (report/tests/open_loop_report_test.cpp).
#include <chrono>
#include <cstdint>
#include <utility>
#include <vector>

#include "loadgen/sweep.hpp"
#include "runner/cell.hpp"

namespace apibench::runner::testing {

// 1000 responses in 1 s, open loop: 2% (so the p99) take p99_ns, the others 1 us; each
// service time is half its latency.
inline loadgen::LoadResult result_with_p99(std::uint64_t p99_ns) {
  loadgen::LoadResult r;
  r.requests = 1000;
  r.elapsed = std::chrono::seconds(1);
  r.status_classes[2] = r.requests;
  r.open_loop = true;
  for (int i = 0; i < 100; ++i) {
    r.latency.record(i < 98 ? 1000 : p99_ns);
    r.service_time.record(i < 98 ? 500 : p99_ns / 2);
  }
  return r;
}

// The SLO every step below is judged by: a p99 of 10 ms.
inline loadgen::SweepSpec sweep_spec() {
  loadgen::SweepSpec spec;
  spec.slo = std::chrono::milliseconds(10);
  return spec;
}

inline loadgen::SweepStep one_attempt_step(double rate, std::uint64_t p99_ns) {
  return loadgen::judge_step(rate, result_with_p99(p99_ns), sweep_spec());
}

// A step whose first attempt had p99 first_p99_ns (over the SLO: a stall) and was run again.
inline loadgen::SweepStep rerun_step(double rate, std::uint64_t first_p99_ns, std::uint64_t rerun_p99_ns) {
  auto first = loadgen::judge_attempt(rate, result_with_p99(first_p99_ns), sweep_spec());
  auto rerun = loadgen::judge_attempt(rate, result_with_p99(rerun_p99_ns), sweep_spec());
  return loadgen::make_step(rate, std::move(first), std::move(rerun));
}

// rust-style's json-sweep at 64 connections; its max is the rate of the last step met, as
// run_sweep stops at the first step that misses.
inline CellResult sweep_cell(double probe_requests_per_second, std::vector<loadgen::SweepStep> steps) {
  CellResult cell("rust-style", "json-sweep", 64);
  cell.ok = true;
  cell.sweep = loadgen::SweepResult{};
  cell.sweep->probe_requests_per_second = probe_requests_per_second;
  for (auto& step : steps) {
    if (step.met) cell.sweep->max_rate = step.rate;
    cell.sweep->steps.push_back(std::move(step));
  }
  return cell;
}

}  // namespace apibench::runner::testing
