#include "loadgen/weighted_picker.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace apibench::loadgen {
namespace {

bool all_whole(const std::vector<double>& weights, double total) {
  if (total > static_cast<double>(WeightedPicker::kMaxExactCycle)) return false;
  return std::all_of(weights.begin(), weights.end(), [](double w) { return w == std::floor(w); });
}

// How many picks of `length` each template gets: largest remainder, so they sum to length.
std::vector<std::size_t> apportion(const std::vector<double>& weights, double total, std::size_t length) {
  std::vector<std::size_t> counts(weights.size());
  std::vector<std::pair<double, std::size_t>> remainders;
  std::size_t given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double exact = weights[i] / total * static_cast<double>(length);
    counts[i] = static_cast<std::size_t>(std::floor(exact));
    given += counts[i];
    remainders.emplace_back(exact - std::floor(exact), i);
  }
  std::stable_sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t r = 0; given < length; ++r, ++given) ++counts[remainders[r % remainders.size()].second];
  return counts;
}

}  // namespace

WeightedPicker::WeightedPicker(const std::vector<double>& weights, std::size_t offset) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  const auto length = all_whole(weights, total) ? static_cast<std::size_t>(total) : kCycleLength;
  const auto counts = apportion(weights, total, length);
  // Template i's j-th pick sits at (j + 0.5) / count_i of the cycle; sorting the positions
  // interleaves the templates evenly.
  std::vector<std::pair<double, std::uint32_t>> positions;
  positions.reserve(length);
  for (std::size_t i = 0; i < counts.size(); ++i) {
    for (std::size_t j = 0; j < counts[i]; ++j) {
      positions.emplace_back((static_cast<double>(j) + 0.5) / static_cast<double>(counts[i]), static_cast<std::uint32_t>(i));
    }
  }
  std::sort(positions.begin(), positions.end());
  cycle_.reserve(positions.size());
  for (const auto& p : positions) cycle_.push_back(p.second);
  position_ = offset % cycle_.size();
}

}  // namespace apibench::loadgen
