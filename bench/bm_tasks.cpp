// What a unit of concurrency costs in each design: to spawn one, to switch to
// it and back, to pass a value between two of them, and to hand a call to a
// thread pool and get its answer back (what /work does). A plain OS-thread
// wake-up (condition variable ping-pong) is there for scale.
//   stackless: a bare C++20 coroutine, and an Asio awaitable (rust-style's unit)
//   stackful: a gort task, a Boost.Context fiber on a strand (go-style's unit)
// Under `taskset -c 1` the cross-thread cases include the context switches of
// two threads sharing one CPU, as a loaded server's threads do.
#include <condition_variable>
#include <coroutine>
#include <exception>
#include <mutex>
#include <thread>

#include <benchmark/benchmark.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "alloc_counting.hpp"
#include "gort/channel.hpp"
#include "gort/runtime.hpp"
#include "in_task.hpp"
#include "spawn_blocking.hpp"

namespace {

namespace asio = boost::asio;
namespace bench = apibench::bench;
using bench::AllocationCounter;

// The least a C++20 coroutine can be: a handle that is resumed by hand.
struct Coroutine {
  struct promise_type {
    Coroutine get_return_object() { return Coroutine{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept { std::terminate(); }
  };
  explicit Coroutine(std::coroutine_handle<promise_type> h) noexcept : handle(h) {}
  Coroutine(const Coroutine&) = delete;
  Coroutine& operator=(const Coroutine&) = delete;
  ~Coroutine() { handle.destroy(); }

  std::coroutine_handle<promise_type> handle;
};

Coroutine suspend_forever() {
  for (;;) co_await std::suspend_always{};
}

Coroutine finish_at_once() { co_return; }

void BM_Cpp20Coroutine_Spawn(benchmark::State& state) {
  AllocationCounter allocations;
  for (auto _ : state) {
    Coroutine c = finish_at_once();  // frame allocated, run to its end, destroyed
    c.handle.resume();
    benchmark::DoNotOptimize(c.handle.address());
  }
  allocations.report(state);
}
BENCHMARK(BM_Cpp20Coroutine_Spawn);

void BM_Cpp20Coroutine_Resume(benchmark::State& state) {
  Coroutine c = suspend_forever();
  AllocationCounter allocations;
  for (auto _ : state) c.handle.resume();
  allocations.report(state);
}
BENCHMARK(BM_Cpp20Coroutine_Resume);

asio::awaitable<void> do_nothing() { co_return; }

void BM_AsioAwaitable_Spawn(benchmark::State& state) {
  asio::io_context context(1);
  AllocationCounter allocations;
  for (auto _ : state) {
    asio::co_spawn(context, do_nothing(), asio::detached);
    context.restart();
    context.run();
  }
  allocations.report(state);
}
BENCHMARK(BM_AsioAwaitable_Spawn);

// Each iteration suspends through the io_context's queue and is resumed by it:
// what a rust-style connection pays to wait on anything (gort yield's peer).
asio::awaitable<void> post_and_resume_loop(benchmark::State& state) {
  const auto executor = co_await asio::this_coro::executor;
  AllocationCounter allocations;
  for (auto _ : state) co_await asio::post(executor, asio::use_awaitable);
  allocations.report(state);
}

void BM_AsioAwaitable_PostResume(benchmark::State& state) {
  asio::io_context context(1);
  asio::co_spawn(context, post_and_resume_loop(state), asio::detached);
  context.run();
}
BENCHMARK(BM_AsioAwaitable_PostResume);

void BM_Gort_Spawn(benchmark::State& state) {
  gort::Runtime runtime(1);
  AllocationCounter allocations;
  for (auto _ : state) {
    runtime.go([](gort::Yield) {});  // a fiber and its 256 KiB stack, run to its end
    runtime.context().restart();
    runtime.context().run();
  }
  allocations.report(state);
}
BENCHMARK(BM_Gort_Spawn);

void BM_Gort_Yield(benchmark::State& state) {
  bench::run_in_task([&](gort::Runtime&, gort::Yield yield) {
    AllocationCounter allocations;
    for (auto _ : state) gort::yield_now(yield);
    allocations.report(state);
  });
}
BENCHMARK(BM_Gort_Yield);

// One value from a sending task to a receiving task per iteration. Capacity 0
// is Go's unbuffered channel (a rendezvous: both park every time); with a
// buffer the sender runs ahead and the switches are shared among its values.
void BM_Gort_ChannelSendReceive(benchmark::State& state) {
  gort::Channel<int> channel(static_cast<std::size_t>(state.range(0)));
  bench::run_in_task([&](gort::Runtime& runtime, gort::Yield yield) {
    runtime.go([&channel](gort::Yield receiver) {
      while (channel.receive(receiver)) {
      }
    });
    AllocationCounter allocations;
    for (auto _ : state) channel.send(1, yield);
    allocations.report(state);
    channel.close();
  });
}
BENCHMARK(BM_Gort_ChannelSendReceive)->Arg(0)->Arg(64);

// rust-style's /work path without the sleep: co_await spawn_blocking on an
// Asio coroutine, the job on a pool thread, the answer posted back.
asio::awaitable<void> hand_off_loop(benchmark::State& state, apibench::rust_style::BlockingPool& pool) {
  AllocationCounter allocations;
  for (auto _ : state) benchmark::DoNotOptimize(co_await apibench::rust_style::spawn_blocking(pool, [] { return 1; }));
  allocations.report(state);
}

void BM_Handoff_RustStyleBlockingPool(benchmark::State& state) {
  apibench::rust_style::BlockingPool pool;
  asio::io_context context(1);
  asio::co_spawn(context, hand_off_loop(state, pool), asio::detached);
  context.run();
}
BENCHMARK(BM_Handoff_RustStyleBlockingPool)->UseRealTime();

// go-style's /work path without the sleep: BlockingPool::call from a task, the
// job over a channel to a pool thread, the answer back over another.
void BM_Handoff_GoStyleBlockingPool(benchmark::State& state) {
  bench::run_in_task([&](gort::Runtime& runtime, gort::Yield yield) {
    AllocationCounter allocations;
    for (auto _ : state) benchmark::DoNotOptimize(runtime.blocking().call(yield, [] { return 1; }));
    allocations.report(state);
  });
}
BENCHMARK(BM_Handoff_GoStyleBlockingPool)->UseRealTime();

// Two OS threads taking turns through a mutex and a condition variable: one
// iteration is a round trip, two wake-ups.
class PingPong {
 public:
  void serve() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [&] { return ball_ || stop_; });
      if (stop_) return;
      ball_ = false;
      changed_.notify_all();
    }
  }
  void round_trip() {
    std::unique_lock lock(mutex_);
    ball_ = true;
    changed_.notify_all();
    changed_.wait(lock, [&] { return !ball_; });
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    changed_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool ball_ = false;  // true: the partner's turn
  bool stop_ = false;
};

void BM_ThreadWake_CondVarRoundTrip(benchmark::State& state) {
  PingPong table;
  std::thread partner([&table] { table.serve(); });
  AllocationCounter allocations;
  for (auto _ : state) table.round_trip();
  allocations.report(state);
  table.stop();
  partner.join();
}
BENCHMARK(BM_ThreadWake_CondVarRoundTrip)->UseRealTime();

}  // namespace

// main: bench_main.cpp (Google Benchmark's, with the build context)
