#pragma once
// The article's claims checked against one run: claim by claim, the numbers of every
// server and a verdict per family. docs/reproduce.md says what each claim measures
// and when its verdict reads "holds".
#include <vector>

#include "report/run_data.hpp"
#include "reproduce/artifacts.hpp"
#include "reproduce/claim_model.hpp"
#include "reproduce/config.hpp"
#include "reproduce/fixed_rate.hpp"

namespace apibench::reproduce {

struct ClaimInputs {
  const report::RunData& run;
  const ReproduceConfig& config;
  const std::vector<FixedRateResult>& fixed;
  const std::vector<ServerArtifacts>& artifacts;
};

std::vector<ClaimResult> evaluate_claims(const ClaimInputs& in);

// One function per claim (claims_*.cpp), numbered as in claims.md and docs/reproduce.md.
ClaimResult claim_runtime_overhead(const ClaimInputs& in);      // 1
ClaimResult claim_predictable_latency(const ClaimInputs& in);   // 2
ClaimResult claim_cache_server(const ClaimInputs& in);          // 3
ClaimResult claim_concurrency(const ClaimInputs& in);           // 4
ClaimResult claim_maximum_performance(const ClaimInputs& in);   // 5
ClaimResult claim_latency_sensitive(const ClaimInputs& in);     // 6
ClaimResult claim_static_binaries(const ClaimInputs& in);       // 7
ClaimResult claim_rapid_development(const ClaimInputs& in);     // 8
std::vector<ClaimResult> claims_not_measurable();               // 9

}  // namespace apibench::reproduce
