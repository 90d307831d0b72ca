#include <fcntl.h>
#include <unistd.h>

#include "alloccount/alloc_counter.hpp"

namespace apibench::alloccount {

std::optional<Snapshot> read_counters(pid_t pid) {
  int fd = ::open(counters_path(pid).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  std::uint64_t raw[4] = {};
  ssize_t n = ::pread(fd, raw, sizeof raw, 0);
  ::close(fd);
  if (n != sizeof raw || raw[0] != kMagic) return std::nullopt;
  return Snapshot{raw[1], raw[2], raw[3]};
}

void remove_counters(pid_t pid) { ::unlink(counters_path(pid).c_str()); }

}  // namespace apibench::alloccount
