#include "drop_log.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace apibench::slow_headers {
namespace {

double seconds(std::int64_t ns) { return static_cast<double>(ns) / 1e9; }

std::string times_to_drop(const std::vector<Drop>& drops) {
  std::vector<std::int64_t> after;
  for (const Drop& d : drops) {
    if (d.after_byte_ns >= 0) after.push_back(d.after_byte_ns);
  }
  if (after.empty()) return "  none of the dropped connections had sent a byte\n";
  std::sort(after.begin(), after.end());
  const std::size_t mid = after.size() / 2;
  const std::int64_t median = after.size() % 2 ? after[mid] : (after[mid - 1] + after[mid]) / 2;
  return fmt::format("  dropped after their first byte (s): min {:.2f}, median {:.2f}, max {:.2f}\n",
                     seconds(after.front()), seconds(median), seconds(after.back()));
}

std::string drops_by_second(const std::vector<Drop>& drops) {
  std::map<std::int64_t, std::uint64_t> per_second;
  for (const Drop& d : drops) ++per_second[d.at_ns / 1'000'000'000];
  std::string line = "  drops by second of the run:";
  for (const auto& [second, count] : per_second) line += fmt::format(" {}s:{}", second, count);
  return line + "\n";
}

}  // namespace

std::string DropLog::summary() const {
  std::string text = fmt::format(
      "slow connections: {} kept open, {} opened in all, {} dropped by the server, {} refused at connect\n",
      kept_open, opened, drops.size(), refused);
  if (drops.empty()) return text;
  return text + times_to_drop(drops) + drops_by_second(drops);
}

}  // namespace apibench::slow_headers
