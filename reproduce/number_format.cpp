#include "reproduce/number_format.hpp"

#include <cmath>
#include <fmt/format.h>

#include "report/format.hpp"

namespace apibench::reproduce {

std::string format_number(double value) { return report::format_measure(value); }

std::string format_ratio(double ratio) {
  if (!std::isfinite(ratio)) return "-";
  if (std::abs(ratio) < 0.1 && ratio != 0) return fmt::format("{:.3g}", ratio);
  return fmt::format("{:.2f}", ratio);
}

std::string format_spread(const runner::Spread& s, std::size_t samples) {
  if (samples <= 1 || s.min == s.max) return format_number(s.median);
  return fmt::format("{} ({}-{})", format_number(s.median), format_number(s.min), format_number(s.max));
}

}  // namespace apibench::reproduce
