#pragma once
// Heap allocations per benchmark iteration. alloc_counting.cpp replaces the
// global operator new of the benchmark program with one that counts, per
// thread, so threaded benchmarks do not contend on a shared counter and each
// thread's count is its own. Allocations a benchmark causes on other threads
// (a pool thread, a worker) are not in its count.
#include <cstdint>

#include <benchmark/benchmark.h>

namespace apibench::bench {

// operator new calls made by the calling thread since it started.
std::uint64_t thread_allocations() noexcept;

// Counts from construction to report(): construct it right before the timed
// loop, so setup is not counted, and each benchmark run starts from zero.
class AllocationCounter {
 public:
  AllocationCounter() noexcept : start_(thread_allocations()) {}

  // Adds the "allocs_per_op" counter. Google Benchmark sums it over the
  // threads and divides by all their iterations.
  void report(benchmark::State& state) const {
    const auto allocations = static_cast<double>(thread_allocations() - start_);
    state.counters["allocs_per_op"] = benchmark::Counter(allocations, benchmark::Counter::kAvgIterations);
  }

 private:
  std::uint64_t start_;
};

}  // namespace apibench::bench
