#include "runner/stop_signal.hpp"

#include <signal.h>
#include <string.h>

namespace apibench::runner {
namespace {

// Lock-free atomics are safe to store from a signal handler.
std::atomic<bool> g_stop{false};
std::atomic<int> g_signal{0};
static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<int>::is_always_lock_free);

void on_stop_signal(int signal_number) { request_stop(signal_number); }

}  // namespace

void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

const std::atomic<bool>& stop_flag() { return g_stop; }

void request_stop(int signal_number) {
  int none = 0;
  g_signal.compare_exchange_strong(none, signal_number);  // the first signal is the reason
  g_stop.store(true);
}

int stop_signal() { return g_signal.load(); }

std::string stop_reason() {
  int s = stop_signal();
  if (s == 0) return {};
  const char* abbrev = sigabbrev_np(s);
  return std::string("interrupted by ") + (abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(s));
}

int stop_exit_code() { return stop_signal() ? 128 + stop_signal() : 0; }

}  // namespace apibench::runner
