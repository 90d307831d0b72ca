#pragma once
// Runs fn(gort::Runtime&, gort::Yield) as one go-style task on a one-worker runtime (the
// calling thread) and returns when it and every task it started are done.
// Benchmarks that need a task's Yield (channels, yield_now, App::serve, the
// blocking hand-off) run their timed loop inside fn.
#include <utility>

#include "gort/runtime.hpp"

namespace apibench::bench {

template <class Fn>
void run_in_task(Fn&& fn) {
  gort::Runtime runtime(1);
  runtime.go([&fn, &runtime](gort::Yield yield) { fn(runtime, yield); });
  runtime.run();
}

}  // namespace apibench::bench
