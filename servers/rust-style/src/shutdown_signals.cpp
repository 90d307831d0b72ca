#include "shutdown_signals.hpp"

#include <pthread.h>
#include <csignal>

namespace apibench::rust_style {
namespace {

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGUSR1);  // sent by the destructor to end the watcher
  return set;
}

}  // namespace

ShutdownSignals::ShutdownSignals() {
  std::signal(SIGPIPE, SIG_IGN);  // a peer gone mid-write is an error value, not a crash
  const sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

ShutdownSignals::~ShutdownSignals() {
  if (!watcher_.joinable()) return;
  pthread_kill(watcher_.native_handle(), SIGUSR1);
  watcher_.join();
}

void ShutdownSignals::watch(std::function<void()> on_signal) {
  watcher_ = std::thread([on_signal = std::move(on_signal)] {
    const sigset_t set = stop_signals();
    int signal = 0;
    if (sigwait(&set, &signal) == 0 && signal != SIGUSR1) on_signal();
  });
}

}  // namespace apibench::rust_style
