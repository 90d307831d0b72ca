#include "loadgen/weighted_picker.hpp"

#include <numeric>

namespace apibench::loadgen {

WeightedPicker::WeightedPicker(const std::vector<double>& weights, std::size_t offset) {
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  const std::size_t length = weights.size() == 1 ? 1 : kCycleLength;
  // Smooth weighted round robin (as nginx balances upstreams): spreads each template evenly.
  std::vector<double> credit(weights.size(), 0.0);
  cycle_.reserve(length);
  for (std::size_t n = 0; n < length; ++n) {
    std::size_t best = 0;
    for (std::size_t i = 0; i < weights.size(); ++i) {
      credit[i] += weights[i] / total;
      if (credit[i] > credit[best]) best = i;
    }
    credit[best] -= 1.0;
    cycle_.push_back(static_cast<std::uint32_t>(best));
  }
  position_ = offset % cycle_.size();
}

}  // namespace apibench::loadgen
