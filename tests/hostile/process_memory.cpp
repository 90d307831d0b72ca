#include "tests/hostile/process_memory.hpp"

#include <fstream>
#include <string>

namespace apibench::hostile {

std::optional<std::uint64_t> resident_bytes(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      std::uint64_t kib = 0;
      if (status >> kib) return kib * 1024;
      return std::nullopt;
    }
    status.ignore(1 << 16, '\n');
  }
  return std::nullopt;
}

}  // namespace apibench::hostile
