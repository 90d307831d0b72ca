#pragma once
// What /proc says of a process: CPU time, memory, threads, context switches.
#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace apibench::runner {

struct ProcStats {
  double cpu_seconds = 0;  // utime + stime, all threads, including ones that ended
  double user_seconds = 0;
  double system_seconds = 0;
  std::uint64_t rss_bytes = 0;
  std::uint64_t peak_rss_bytes = 0;  // VmHWM
  long threads = 0;
  std::uint64_t voluntary_switches = 0;
  std::uint64_t involuntary_switches = 0;
};

// nullopt when the process is gone or /proc cannot be read.
std::optional<ProcStats> read_proc_stats(pid_t pid);

}  // namespace apibench::runner
