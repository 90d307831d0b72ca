#include "loadgen/key_distribution.hpp"

#include <algorithm>
#include <cmath>

namespace apibench::loadgen {

KeyDistribution::KeyDistribution(KeyDistributionKind kind, std::size_t count, double s) : kind_(kind), count_(count) {
  if (kind_ != KeyDistributionKind::kZipf) return;
  cumulative_.resize(count_);
  double sum = 0;
  for (std::size_t i = 0; i < count_; ++i) {
    sum += std::pow(static_cast<double>(i + 1), -s);
    cumulative_[i] = sum;
  }
  for (auto& c : cumulative_) c /= sum;
  cumulative_.back() = 1.0;  // no rounding gap past the last key
}

std::size_t KeyDistribution::pick(SeededRandom& random) const {
  if (kind_ == KeyDistributionKind::kUniform) return static_cast<std::size_t>(random.below(count_));
  const double u = random.unit();
  const auto found = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
  return std::min(static_cast<std::size_t>(found - cumulative_.begin()), count_ - 1);
}

double KeyDistribution::probability(std::size_t rank) const {
  if (rank >= count_) return 0;
  if (kind_ == KeyDistributionKind::kUniform) return 1.0 / static_cast<double>(count_);
  return rank == 0 ? cumulative_[0] : cumulative_[rank] - cumulative_[rank - 1];
}

}  // namespace apibench::loadgen
