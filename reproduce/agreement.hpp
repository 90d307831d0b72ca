#pragma once
// How far two reproduce runs agree: the self-check that verdicts repeat. Each
// verdict of claims.json is keyed by its claim, its row (the metric), its family
// and its subject (a pair or a server); the two runs are compared on the
// verdicts measured in both (holds, does not hold, inconclusive).
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace apibench::reproduce {

struct VerdictChange {
  std::string row;  // "claim 2 | p99.9 / p50, POST /orders at 50% of max | rust-hyper vs go-echo"
  std::string first, second;
};

struct Agreement {
  std::size_t compared = 0;  // verdicts measured in both runs
  std::size_t same = 0;
  std::size_t flipped = 0;                    // holds in one run, does not hold in the other
  std::size_t decided_first = 0, decided_second = 0;  // holds or does not hold
  std::vector<VerdictChange> changed;

  double share_same() const { return compared ? static_cast<double>(same) / static_cast<double>(compared) : 0; }
};

// first and second: two claims.json documents. Throws std::runtime_error for
// documents that are not claims files.
Agreement agreement_of(const nlohmann::json& first, const nlohmann::json& second);

// The summary lines and every changed verdict, as markdown.
std::string agreement_markdown(const Agreement& a, const std::string& first_name, const std::string& second_name);

}  // namespace apibench::reproduce
