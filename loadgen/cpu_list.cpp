#include "loadgen/cpu_list.hpp"

#include <charconv>

namespace apibench::loadgen {
namespace {

constexpr int kMaxCpu = 4096;

std::optional<int> parse_cpu(std::string_view text) {
  int cpu = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), cpu);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || cpu < 0 || cpu >= kMaxCpu) {
    return std::nullopt;
  }
  return cpu;
}

}  // namespace

std::optional<std::vector<int>> parse_cpu_list(std::string_view text) {
  std::vector<int> cpus;
  while (true) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    const auto dash = item.find('-');
    const auto first = parse_cpu(item.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : parse_cpu(item.substr(dash + 1));
    if (!first || !last || *last < *first) return std::nullopt;
    for (int cpu = *first; cpu <= *last; ++cpu) cpus.push_back(cpu);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  if (cpus.size() > static_cast<std::size_t>(kMaxCpu)) return std::nullopt;
  return cpus;
}

}  // namespace apibench::loadgen
