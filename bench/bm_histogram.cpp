// The histogram's cost on the load generator's hot path: record() must stay a few ns.
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "alloc_counting.hpp"
#include "histogram/latency_histogram.hpp"

namespace {

std::vector<std::uint64_t> latencies(std::size_t n) {
  std::mt19937_64 rng(5);
  std::lognormal_distribution<double> latency(11.0, 1.0);  // ~60 us median
  std::vector<std::uint64_t> values(n);
  for (auto& v : values) v = static_cast<std::uint64_t>(latency(rng));
  return values;
}

void BM_Record(benchmark::State& state) {
  const auto values = latencies(4096);
  apibench::LatencyHistogram h;
  std::size_t i = 0;
  apibench::bench::AllocationCounter allocations;
  for (auto _ : state) {
    h.record(values[i++ & 4095]);
  }
  allocations.report(state);
  benchmark::DoNotOptimize(h.count());
}
BENCHMARK(BM_Record);

void BM_Add(benchmark::State& state) {
  apibench::LatencyHistogram a, b;
  for (auto v : latencies(10'000)) b.record(v);
  apibench::bench::AllocationCounter allocations;
  for (auto _ : state) {
    a.add(b);
    benchmark::ClobberMemory();
  }
  allocations.report(state);
}
BENCHMARK(BM_Add);

void BM_ValueAtPercentile(benchmark::State& state) {
  apibench::LatencyHistogram h;
  for (auto v : latencies(100'000)) h.record(v);
  apibench::bench::AllocationCounter allocations;
  for (auto _ : state) {
    benchmark::DoNotOptimize(h.value_at_percentile(99.9));
  }
  allocations.report(state);
}
BENCHMARK(BM_ValueAtPercentile);

}  // namespace

// main: bench_main.cpp (Google Benchmark's, with the build context)
