// run_load: one pinned thread per share of the connections, each opening its connections,
// all then released together (the clock starts), then their recorders merged.
#include <pthread.h>
#include <sched.h>
#include <sys/prctl.h>

#include <algorithm>
#include <barrier>
#include <cstdio>
#include <exception>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "loadgen/engine.hpp"
#include "loadgen/event_loop.hpp"
#include "loadgen/load.hpp"
#include "loadgen/load_plan.hpp"
#include "loadgen/merge.hpp"
#include "loadgen/run_control.hpp"
#include "loadgen/setup_requests.hpp"
#include "loadgen/uring_loop.hpp"
#include "loadgen/uring_ring.hpp"

namespace apibench::loadgen {
namespace {

struct RunTimes {
  std::int64_t begin_ns = 0;
  Window measured;
};

ThreadShare share_of(const LoadPlan& plan, std::size_t thread) {
  const auto& spec = *plan.spec;
  ThreadShare share;
  share.index = thread;
  share.connections = spec.connections / plan.threads + (thread < spec.connections % plan.threads ? 1 : 0);
  if (spec.rate) share.rate = *spec.rate * share.connections / spec.connections;
  share.phase = static_cast<double>(thread) / plan.threads;
  return share;
}

// Best effort: an unusable CPU list leaves the thread unpinned rather than failing the run.
void prepare_thread(const std::vector<int>& cpus, std::size_t thread) {
  if (!cpus.empty()) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpus[thread % cpus.size()], &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
  }
  prctl(PR_SET_TIMERSLACK, 1UL, 0, 0, 0);  // wake for scheduled sends on time, not 50 us late
}

// io_uring when asked for and the kernel allows it; else epoll, said once per process.
std::unique_ptr<Engine> make_engine(const LoadPlan& plan, const ThreadShare& share) {
  if (plan.spec->io == IoEngine::kUring) {
    std::string error;
    if (auto ring = UringRing::create(share.connections, error)) {
      return std::make_unique<UringLoop>(plan, share, std::move(ring));
    }
    static std::once_flag told;
    std::call_once(told, [&] {
      std::fprintf(stderr, "apibench load: io_uring unavailable (%s); using epoll\n", error.c_str());
    });
  }
  return std::make_unique<EventLoop>(plan, share);
}

// A -n run ends before its window: the timeline keeps only the seconds it covered.
void trim_timeline(LoadResult& result) {
  const auto seconds = static_cast<std::size_t>((result.elapsed.count() + 999'999'999) / 1'000'000'000);
  const auto kept = std::max<std::size_t>(seconds, 1);
  if (result.timeline.size() > kept) result.timeline.resize(kept);
}

}  // namespace

LoadResult run_load(const LoadSpec& caller_spec, LiveProgress* live) {
  validate_spec(caller_spec);
  RunControl control(caller_spec, std::min(caller_spec.threads, caller_spec.connections), live);
  const LoadSpec& spec = control.spec();
  const LoadPlan plan = make_plan(spec);
  if (const auto error = send_setup_requests(plan.address, spec.setup, spec.request_timeout)) {
    throw std::runtime_error(*error);
  }
  std::vector<std::unique_ptr<Engine>> loops(plan.threads);
  std::vector<std::exception_ptr> failures(plan.threads);
  RunTimes times;
  auto release = [&]() noexcept {
    times.begin_ns = now_ns();
    times.measured.start_ns = times.begin_ns + static_cast<std::int64_t>(spec.warmup.count()) * 1'000'000;
    times.measured.end_ns = times.measured.start_ns + static_cast<std::int64_t>(spec.duration.count()) * 1'000'000;
    control.released(times.measured);
  };
  std::barrier start_line(static_cast<std::ptrdiff_t>(plan.threads), release);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < plan.threads; ++t) {
    threads.emplace_back([&, t] {
      prepare_thread(spec.cpus, t);
      try {
        loops[t] = make_engine(plan, share_of(plan, t));
        loops[t]->open_connections();  // before the clock: see Engine::open_connections
      } catch (...) {
        failures[t] = std::current_exception();
      }
      start_line.arrive_and_wait();
      try {
        if (loops[t]) loops[t]->run(times.begin_ns, control.window_for(t));
      } catch (...) {
        failures[t] = std::current_exception();
      }
      control.thread_finished();
    });
  }
  control.watch();
  for (auto& thread : threads) thread.join();
  for (const auto& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  std::vector<const Recorder*> recorders;
  for (const auto& loop : loops) recorders.push_back(&loop->recorder());
  LoadResult result = merge_recorders(recorders, control.elapsed());
  trim_timeline(result);
  return result;
}

}  // namespace apibench::loadgen
