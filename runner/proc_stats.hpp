#pragma once
// What /proc says of a process: CPU time, memory, threads, context switches.
#include <sys/types.h>

#include <cstdint>
#include <optional>
#include <vector>

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

// pid and every process below it: a server started through a wrapper script
// (nginx's run.sh) does its work in its descendants.
std::vector<pid_t> process_tree(pid_t pid);

// read_proc_stats summed over process_tree(pid): CPU, RSS, threads and switches
// add up; peak RSS is the sum of each process's peak.
std::optional<ProcStats> read_tree_stats(pid_t pid);

}  // namespace apibench::runner
