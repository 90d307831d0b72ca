#include "loadgen/duration.hpp"

#include <array>
#include <cmath>
#include <string>
#include <utility>

namespace apibench::loadgen {

std::optional<std::chrono::milliseconds> parse_duration(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, double>, 5> kUnits{
      {{"us", 0.001}, {"ms", 1.0}, {"s", 1000.0}, {"m", 60'000.0}, {"h", 3'600'000.0}}};
  const auto digits_end = text.find_first_not_of("0123456789.");
  const auto number = text.substr(0, digits_end);
  const auto unit = digits_end == std::string_view::npos ? std::string_view("s") : text.substr(digits_end);
  if (number.empty() || number.find('.') != number.rfind('.')) return std::nullopt;
  for (const auto& [name, ms_per_unit] : kUnits) {
    if (unit != name) continue;
    const double ms = std::stod(std::string(number)) * ms_per_unit;
    if (!std::isfinite(ms) || ms > 1e12) return std::nullopt;
    return std::chrono::milliseconds(static_cast<std::int64_t>(std::llround(ms)));
  }
  return std::nullopt;
}

}  // namespace apibench::loadgen
