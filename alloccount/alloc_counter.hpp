#pragma once
// The shared layout between the allocation-counting LD_PRELOAD library and the
// runner that reads it: a page in /dev/shm named for the counted process.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <sys/types.h>

namespace apibench::alloccount {

inline constexpr std::uint64_t kMagic = 0x61706962656e6368;  // "apibench"

struct Counters {
  std::uint64_t magic;
  std::atomic<std::uint64_t> allocations;  // malloc, calloc, realloc, memalign and friends
  std::atomic<std::uint64_t> frees;
  std::atomic<std::uint64_t> bytes;  // requested bytes, summed
};

inline std::string counters_path(pid_t pid) { return "/dev/shm/apibench-alloc-" + std::to_string(pid); }

struct Snapshot {
  std::uint64_t allocations = 0;
  std::uint64_t frees = 0;
  std::uint64_t bytes = 0;
};

// What process pid has counted so far; nullopt when it does not run under the
// library (a static binary, a wrapper script's child, or no LD_PRELOAD).
std::optional<Snapshot> read_counters(pid_t pid);

// Removes the page of a process that ended without unmapping it (killed, crashed).
void remove_counters(pid_t pid);

}  // namespace apibench::alloccount
