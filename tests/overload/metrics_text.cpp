#include "tests/overload/metrics_text.hpp"

#include <charconv>

namespace apibench::overload {

std::optional<std::uint64_t> metric_value(std::string_view exposition, std::string_view name) {
  while (!exposition.empty()) {
    const std::size_t end = exposition.find('\n');
    std::string_view line = exposition.substr(0, end);
    exposition = end == std::string_view::npos ? std::string_view{} : exposition.substr(end + 1);
    if (!line.starts_with(name) || line.size() <= name.size() || line[name.size()] != ' ') continue;
    line.remove_prefix(name.size() + 1);
    std::uint64_t value = 0;
    auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), value);
    if (ec == std::errc{}) return value;
  }
  return std::nullopt;
}

}  // namespace apibench::overload
