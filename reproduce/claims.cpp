#include "reproduce/claims.hpp"

namespace apibench::reproduce {

std::vector<ClaimResult> evaluate_claims(const ClaimInputs& in) {
  std::vector<ClaimResult> out = {claim_runtime_overhead(in),    claim_predictable_latency(in), claim_cache_server(in),
                                  claim_concurrency(in),         claim_maximum_performance(in), claim_latency_sensitive(in),
                                  claim_static_binaries(in),     claim_rapid_development(in)};
  for (auto& c : claims_not_measurable()) out.push_back(std::move(c));
  return out;
}

}  // namespace apibench::reproduce
