#pragma once
// Picks cache keys from a key space of `count` keys: uniformly, or Zipf(s) where key k
// (0-based rank) has probability proportional to 1 / (k + 1)^s. Setup only: the pick
// sequence is drawn once, before the run.
#include <cstddef>
#include <vector>

#include "loadgen/seeded_random.hpp"

namespace apibench::loadgen {

enum class KeyDistributionKind { kUniform, kZipf };

class KeyDistribution {
 public:
  // count >= 1; s > 0 for Zipf (checked by the scenario parser).
  KeyDistribution(KeyDistributionKind kind, std::size_t count, double s);

  std::size_t pick(SeededRandom& random) const;
  // Probability of the key at `rank` (0-based), for tests and docs.
  double probability(std::size_t rank) const;

 private:
  KeyDistributionKind kind_;
  std::size_t count_;
  std::vector<double> cumulative_;  // Zipf only: P(rank <= i)
};

}  // namespace apibench::loadgen
