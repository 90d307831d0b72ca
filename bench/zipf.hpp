#pragma once
// Zipf-distributed ranks: rank k (0-based) comes up with probability
// proportional to 1 / (k + 1)^s, so a few keys are hot and most are cold, as
// in a real cache's traffic. Sampling is a binary search in the cumulative
// distribution; benchmarks draw a sequence up front so the timed loop only
// indexes it.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace apibench::bench {

class Zipf {
 public:
  Zipf(std::size_t ranks, double exponent) : cumulative_(ranks) {
    double sum = 0;
    for (std::size_t k = 0; k < ranks; ++k) cumulative_[k] = sum += 1.0 / std::pow(static_cast<double>(k + 1), exponent);
    for (double& c : cumulative_) c /= sum;
  }

  template <class Rng>
  std::size_t operator()(Rng& rng) const {
    const double u = std::uniform_real_distribution<double>(0.0, 1.0)(rng);
    const auto at = std::lower_bound(cumulative_.begin(), cumulative_.end(), u);
    return std::min(static_cast<std::size_t>(at - cumulative_.begin()), cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

// count ranks drawn from Zipf(ranks, exponent), the same for the same seed.
inline std::vector<std::uint32_t> zipf_sequence(std::size_t ranks, double exponent, std::size_t count,
                                                std::uint64_t seed) {
  const Zipf zipf(ranks, exponent);
  std::mt19937_64 rng(seed);
  std::vector<std::uint32_t> sequence(count);
  for (auto& rank : sequence) rank = static_cast<std::uint32_t>(zipf(rng));
  return sequence;
}

}  // namespace apibench::bench
