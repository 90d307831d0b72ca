#pragma once
// A process's resident memory, as the kernel reports it in /proc.
#include <sys/types.h>

#include <cstdint>
#include <optional>

namespace apibench::hostile {

// Whether RSS says anything about a process built like this test: under ASan
// (quarantined frees, shadow memory) or TSan it does not, and LeakSanitizer
// checks leaks there instead. The servers a test starts are built alike.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kRssIsMeaningful = false;
#else
inline constexpr bool kRssIsMeaningful = true;
#endif

// VmRSS of pid in bytes; nullopt when the process or the field is gone.
std::optional<std::uint64_t> resident_bytes(pid_t pid);

}  // namespace apibench::hostile
