#pragma once
// What else ran on the measured CPUs during a window. On a shared machine a
// window can measure a neighbour as much as the server: the hypervisor takes
// time from this guest (steal), or another process runs on the server's or the
// load generator's CPUs. Both show in /proc/stat's per-CPU counters beside what
// the server (its process tree) and the load generator (this process) used. A
// window whose share passes a limit below is measured again (LoadCellRun), and
// run.json and the report say how many were and why.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "runner/cpu_sets.hpp"

namespace apibench::runner {

// Seconds summed over a set of CPUs since boot: time running processes (user,
// nice, system; interrupts are not counted: the server's own traffic causes
// them) and time stolen by the hypervisor.
struct CpuCounters {
  double busy_seconds = 0;
  double steal_seconds = 0;
};
// nullopt when /proc/stat cannot be read or lacks one of the CPUs.
std::optional<CpuCounters> read_cpu_counters(const std::vector<int>& cpus);
// The same from /proc/stat's text, for tests.
std::optional<CpuCounters> parse_cpu_counters(const std::string& proc_stat, const std::vector<int>& cpus);

// Shares of the window's CPU capacity (seconds x CPUs), 0 to 1.
struct WindowNoise {
  double steal = 0;                 // over the server and load CPUs together
  double others_on_server_cpus = 0;  // busy time that was not the server's
  double others_on_load_cpus = 0;    // busy time that was not this process's (0 when they share CPUs with the server)
};

// Above these a window measured its neighbours too. Quiet windows on a 2-core
// VM show no other process (the counters' 10 ms ticks cannot tell less) and
// 0-2% steal; a busy loop pinned to the server's CPU shows 35-40% there, and
// its tail, 8% of the CPU, still raised the server's CPU time per request by
// 20% in that window: a twentieth of the CPUs is already more than the 5%
// effects the verdicts judge.
inline constexpr double kOthersLimit = 0.05;
inline constexpr double kStealLimit = 0.05;
// Tries of one repetition before its window is kept however noisy.
inline constexpr unsigned kWindowTries = 3;

// Why a window is too noisy to keep ("other processes used 14% of the server CPUs"); empty when it is not.
std::string noise_reason(const WindowNoise& noise);

// Counters read before a window; finish() reads them again after it.
class NoiseWatch {
 public:
  explicit NoiseWatch(const Pinning& pinning);
  // server_cpu_seconds: the server's own CPU time over the window.
  WindowNoise finish(double server_cpu_seconds) const;

 private:
  const Pinning& pinning_;
  bool shared_ = false;  // server and load on the same CPUs: no split possible
  std::chrono::steady_clock::time_point start_;
  std::optional<CpuCounters> server_, load_;
  double self_seconds_ = 0;
};

}  // namespace apibench::runner
