#pragma once
// A process's resident memory, as the kernel reports it in /proc.
#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace apibench::hostile {

// VmRSS of pid in bytes; nullopt when the process or the field is gone.
std::optional<std::uint64_t> resident_bytes(pid_t pid);

}  // namespace apibench::hostile
