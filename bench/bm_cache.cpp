// The /cache stores of both designs under the access pattern of a real cache:
// keys drawn from a Zipf distribution (a few hot, most cold). GET of present
// keys (hit) and of absent ones (miss), and PUT replacing present keys with a
// value of the same size, on one thread and on every hardware thread at once.
// rust-style: 16 mutex shards, global LRU by atomic stamps, SharedBytes values.
// go-style: 16 shared_mutex shards, exact LRU list per shard, shared_ptr values.
#include <algorithm>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <benchmark/benchmark.h>

#include "alloc_counting.hpp"
#include "app/cache.hpp"
#include "cache.hpp"
#include "zipf.hpp"

namespace {

namespace bench = apibench::bench;

constexpr std::size_t kKeys = 10'000;
constexpr std::size_t kValueBytes = 64;
constexpr double kZipfExponent = 0.99;  // YCSB's default skew
constexpr std::size_t kCapacityBytes = 64 << 20;  // holds every key: no eviction in these runs
constexpr std::size_t kRanks = 1 << 16;  // a power of two, so the loop wraps with a mask

struct Workload {
  std::vector<std::string> present;  // stored before any benchmark runs
  std::vector<std::string> absent;   // never stored
  std::string value = std::string(kValueBytes, 'v');
  std::vector<std::uint32_t> ranks = bench::zipf_sequence(kKeys, kZipfExponent, kRanks, 7);

  Workload() {
    for (std::size_t i = 0; i < kKeys; ++i) {
      present.push_back("key-" + std::to_string(i));
      absent.push_back("missing-" + std::to_string(i));
    }
  }
};

const Workload& workload() {
  static const Workload instance;
  return instance;
}

// A design's cache with every present key stored, made once per process.
template <class Cache>
Cache& filled_cache() {
  struct Filled {
    Cache cache{kCapacityBytes};
    Filled() {
      for (const auto& key : workload().present) cache.put(key, workload().value);
    }
  };
  static Filled instance;
  return instance.cache;
}

// The same calls on either design's cache.
struct RustStyle {
  static auto& cache() { return filled_cache<apibench::rust_style::Cache>(); }
  static bool get(std::string_view key) { return cache().get(key).has_value(); }
  static void put(std::string_view key, std::string_view value) { cache().put(key, value); }
};

struct GoStyle {
  static auto& cache() { return filled_cache<gostyle::Cache>(); }
  static bool get(std::string_view key) { return cache().get(key) != nullptr; }
  // The server moves the request body's string in; the copy here stands for that body.
  static void put(std::string_view key, std::string_view value) { cache().put(key, std::string(value)); }
};

// Threads walk the same Zipf sequence from different places.
std::size_t first_rank(const benchmark::State& state) {
  return static_cast<std::size_t>(state.thread_index()) * (kRanks / 7);
}

template <class Design>
void run_gets(benchmark::State& state, const std::vector<std::string>& keys, bool expect_hit) {
  Design::cache();  // filled before timing, once per process
  const auto& ranks = workload().ranks;
  std::size_t i = first_rank(state);
  bench::AllocationCounter allocations;
  for (auto _ : state) {
    const bool hit = Design::get(keys[ranks[i++ & (kRanks - 1)]]);
    if (hit != expect_hit) return state.SkipWithError("the cache lost or invented a key");
  }
  allocations.report(state);
  state.SetItemsProcessed(state.iterations());
}

template <class Design>
void BM_CacheGetHit(benchmark::State& state) {
  run_gets<Design>(state, workload().present, true);
}

template <class Design>
void BM_CacheGetMiss(benchmark::State& state) {
  run_gets<Design>(state, workload().absent, false);
}

template <class Design>
void BM_CachePutReplace(benchmark::State& state) {
  Design::cache();
  const Workload& w = workload();
  std::size_t i = first_rank(state);
  bench::AllocationCounter allocations;
  for (auto _ : state) Design::put(w.present[w.ranks[i++ & (kRanks - 1)]], w.value);
  allocations.report(state);
  state.SetItemsProcessed(state.iterations());
}

// One thread, then every hardware thread. Real time, so that waiting on a
// lock counts; with threads it is the wall time over all threads' operations.
void one_and_all_threads(benchmark::internal::Benchmark* b) {
  const int all = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  b->Threads(1);
  if (all > 1) b->Threads(all);
  b->UseRealTime();
}

BENCHMARK_TEMPLATE(BM_CacheGetHit, RustStyle)->Apply(one_and_all_threads);
BENCHMARK_TEMPLATE(BM_CacheGetHit, GoStyle)->Apply(one_and_all_threads);
BENCHMARK_TEMPLATE(BM_CacheGetMiss, RustStyle)->Apply(one_and_all_threads);
BENCHMARK_TEMPLATE(BM_CacheGetMiss, GoStyle)->Apply(one_and_all_threads);
BENCHMARK_TEMPLATE(BM_CachePutReplace, RustStyle)->Apply(one_and_all_threads);
BENCHMARK_TEMPLATE(BM_CachePutReplace, GoStyle)->Apply(one_and_all_threads);

}  // namespace

// main: bench_main.cpp (Google Benchmark's, with the build context)
