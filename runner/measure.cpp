#include "runner/measure.hpp"

#include <atomic>
#include <exception>
#include <stdexcept>
#include <thread>

#include "alloccount/alloc_counter.hpp"
#include "runner/proc_stats.hpp"

namespace apibench::runner {
namespace {

// Samples the server's RSS while a repetition runs, for its peak and mean.
class RssSampler {
 public:
  explicit RssSampler(pid_t pid)
      : thread_([this, pid] {
          while (!done_.load()) {
            if (auto s = read_tree_stats(pid)) {
              peak_ = std::max(peak_, s->rss_bytes);
              sum_ += s->rss_bytes;
              ++samples_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
        }) {}
  void finish(ServerSample& out) {
    done_ = true;
    thread_.join();
    out.rss_peak_bytes = peak_;
    out.rss_mean_bytes = samples_ ? sum_ / samples_ : 0;
  }

 private:
  std::atomic<bool> done_{false};
  std::uint64_t peak_ = 0, sum_ = 0, samples_ = 0;
  std::thread thread_;
};

// Allocation counters summed over the server's process tree; nullopt when no
// process in it runs under the counting library (static binaries, wrappers).
std::optional<alloccount::Snapshot> tree_counters(pid_t pid) {
  std::optional<alloccount::Snapshot> total;
  for (pid_t p : process_tree(pid)) {
    if (auto s = alloccount::read_counters(p)) {
      if (!total) total = alloccount::Snapshot{};
      total->allocations += s->allocations;
      total->frees += s->frees;
      total->bytes += s->bytes;
    }
  }
  return total;
}

std::optional<double> per_request(const std::optional<alloccount::Snapshot>& before,
                                  const std::optional<alloccount::Snapshot>& after, std::uint64_t requests) {
  if (!before || !after || requests == 0) return std::nullopt;
  return static_cast<double>(after->allocations - before->allocations) / static_cast<double>(requests);
}

// The foreground on this thread, the background on another, started together.
struct LoadPair {
  loadgen::LoadResult foreground;
  std::optional<loadgen::LoadResult> background;
};

LoadPair run_pair(const loadgen::LoadSpec& spec, const std::optional<loadgen::LoadSpec>& background) {
  LoadPair out;
  if (!background) {
    out.foreground = loadgen::run_load(spec);
    return out;
  }
  std::exception_ptr failure;
  std::thread beside([&] {
    try {
      out.background = loadgen::run_load(*background);
    } catch (...) {
      failure = std::current_exception();
    }
  });
  try {
    out.foreground = loadgen::run_load(spec);
  } catch (...) {
    beside.join();
    throw;
  }
  beside.join();
  if (failure) std::rethrow_exception(failure);
  return out;
}

}  // namespace

void run_unmeasured(const loadgen::LoadSpec& spec, const std::optional<loadgen::LoadSpec>& background) {
  run_pair(spec, background);
}

Repetition measure_repetition(pid_t pid, const loadgen::LoadSpec& spec,
                              const std::optional<loadgen::LoadSpec>& background) {
  Repetition rep;
  rep.started = std::chrono::system_clock::now();
  auto allocs_before = tree_counters(pid);
  auto before = read_tree_stats(pid);
  RssSampler rss(pid);
  LoadPair loads = run_pair(spec, background);
  rss.finish(rep.server);
  auto after = read_tree_stats(pid);
  rep.load = std::move(loads.foreground);
  rep.background = std::move(loads.background);
  std::uint64_t answered = rep.load.requests + (rep.background ? rep.background->requests : 0);
  rep.server.allocations_per_request = per_request(allocs_before, tree_counters(pid), answered);
  if (!before || !after) throw std::runtime_error("the server exited during the measurement");
  rep.server.cpu_seconds = after->cpu_seconds - before->cpu_seconds;
  if (answered > 0) rep.server.cpu_us_per_request = rep.server.cpu_seconds * 1e6 / static_cast<double>(answered);
  rep.server.threads = after->threads;
  rep.server.voluntary_switches = after->voluntary_switches - before->voluntary_switches;
  rep.server.involuntary_switches = after->involuntary_switches - before->involuntary_switches;
  return rep;
}

}  // namespace apibench::runner
