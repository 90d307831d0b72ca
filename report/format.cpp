#include "report/format.hpp"

#include <cmath>
#include <fmt/format.h>

namespace apibench::report {

std::string format_rate_spread(const runner::Spread& s) {
  return fmt::format("{:.0f} ({:.0f}-{:.0f})", s.median, s.min, s.max);
}

std::string format_measure(double value) {
  const double magnitude = std::fabs(value);
  if (magnitude >= 100 || value == 0) return fmt::format("{:.0f}", value);
  if (magnitude >= 10) return fmt::format("{:.1f}", value);
  if (magnitude >= 1) return fmt::format("{:.2f}", value);
  return fmt::format("{:.3f}", value);
}

std::string format_mib(double bytes) { return fmt::format("{:.1f}", bytes / (1 << 20)); }

std::string format_bytes(double bytes) {
  if (std::fabs(bytes) < 1024) return fmt::format("{:.0f} B", bytes);
  return fmt::format("{:.1f} KiB", bytes / 1024);
}

std::string format_cpu_list(const std::vector<int>& cpus) {
  return cpus.empty() ? "-" : fmt::format("{}", fmt::join(cpus, ","));
}

}  // namespace apibench::report
