// apibench-slow-headers: N slowloris connections against a server, for
// scripts/bench-slow-headers.sh. Prints what happened to them and
// its own CPU use, so a run can tell what the client cost the CPU it shared.
#include <signal.h>
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <exception>
#include <iostream>
#include <variant>

#include <fmt/format.h>

#include "dripper.hpp"
#include "options.hpp"

namespace {

std::atomic<bool> g_stop{false};

void request_stop(int) { g_stop.store(true); }

// No SA_RESTART: the signal interrupts the epoll wait, and the loop sees the flag.
void stop_on_signals() {
  struct sigaction action {};
  action.sa_handler = request_stop;
  sigemptyset(&action.sa_mask);
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

std::string cpu_use(std::chrono::steady_clock::duration wall) {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const double user = static_cast<double>(usage.ru_utime.tv_sec) + usage.ru_utime.tv_usec / 1e6;
  const double system = static_cast<double>(usage.ru_stime.tv_sec) + usage.ru_stime.tv_usec / 1e6;
  const double seconds = std::chrono::duration<double>(wall).count();
  return fmt::format("slow-header client CPU: {:.2f} s user + {:.2f} s system over {:.1f} s ({:.1f}% of one CPU)\n",
                     user, system, seconds, seconds > 0 ? 100 * (user + system) / seconds : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
  namespace sh = apibench::slow_headers;
  const sh::ParsedOptions parsed = sh::parse_options(argc, argv);
  if (const int* exit_code = std::get_if<int>(&parsed)) return *exit_code;
  stop_on_signals();
  const auto started = std::chrono::steady_clock::now();
  try {
    const sh::DropLog log = sh::drip(std::get<sh::Options>(parsed), g_stop);
    std::cout << log.summary() << cpu_use(std::chrono::steady_clock::now() - started) << std::flush;
  } catch (const std::exception& e) {
    std::cerr << "apibench-slow-headers: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
