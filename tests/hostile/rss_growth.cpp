#include "tests/hostile/rss_growth.hpp"

#include <algorithm>

namespace apibench::hostile {

void RssGrowth::record(const std::string& case_name, std::uint64_t rss) {
  steps_.push_back({case_name, static_cast<std::int64_t>(rss) - static_cast<std::int64_t>(last_)});
  last_ = rss;
}

std::string RssGrowth::largest(std::size_t n) const {
  std::vector<Step> by_growth = steps_;
  std::stable_sort(by_growth.begin(), by_growth.end(), [](const Step& a, const Step& b) { return a.growth > b.growth; });
  by_growth.resize(std::min(n, by_growth.size()));
  std::string text;
  for (const Step& step : by_growth) {
    text += "  " + step.case_name + ": " + (step.growth >= 0 ? "+" : "") + std::to_string(step.growth / 1024) + " KiB\n";
  }
  return text;
}

}  // namespace apibench::hostile
