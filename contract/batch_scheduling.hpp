#pragma once
// The blocking pools of both C++ servers (go-style's gort::BlockingPool,
// rust-style's BlockingPool) put each of their threads in SCHED_BATCH when it
// starts.
//
// Why: with 64 connections in /work?ms=50, the 64 sleeps end together every
// 50 ms. Under the default policy each waking pool thread preempts the thread
// serving requests (the kernel favours a task that just woke), so the request
// worker loses its CPU dozens of times in a burst and /json's tail latency grows.
// A SCHED_BATCH thread keeps its fair share of CPU, but its wake-up never
// preempts the running thread: it runs at the next tick or when the worker waits.
// Go's runtime gets the same effect another way: a thread returning from a
// system call must first re-acquire a P before it runs Go code again, so it
// cannot take the CPU from the goroutines running on the Ps.
//
// Header-only so that apibench_contract, which both servers link, gains no
// source file; thread start is not a hot path.
#include <pthread.h>
#include <sched.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace apibench::contract {

// Threads on which the switch failed and that run under the default policy.
inline std::atomic<unsigned long> batch_scheduling_failures{0};

// Puts the calling thread in SCHED_BATCH. Returns false, and the thread keeps its
// policy, where that is not possible (not Linux, or a sandbox that forbids it);
// the first failure writes one line to stderr, the others only count.
inline bool enter_batch_scheduling() noexcept {
  int error = ENOSYS;
#ifdef SCHED_BATCH
  sched_param param{};
  param.sched_priority = 0;  // the only priority SCHED_BATCH takes
  error = pthread_setschedparam(pthread_self(), SCHED_BATCH, &param);
  if (error == 0) return true;
#endif
  if (batch_scheduling_failures.fetch_add(1) == 0) {
    std::fprintf(stderr, "blocking pool: SCHED_BATCH not set (%s); pool threads keep the default policy\n",
                 std::strerror(error));
  }
  return false;
}

}  // namespace apibench::contract
