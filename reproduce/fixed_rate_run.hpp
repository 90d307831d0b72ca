#pragma once
// The fixed-rate phase reproduce runs after the suite (fixed_rate.hpp says why):
// which rates, from the run's sweeps, and the measurement itself.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include "report/run_data.hpp"
#include "reproduce/config.hpp"
#include "reproduce/fixed_rate.hpp"
#include "runner/suite.hpp"

namespace apibench::reproduce {

struct FixedRatePlan {
  std::string server, workload, purpose;
  double rate = 0;    // 0 when there is no rate to run at
  std::string error;  // why not
};

// Per server: POST /orders at 50% and 80% of its own orders-sweep maximum; GET /json
// at half the lowest json-sweep maximum of all the servers (the same for each).
std::vector<FixedRatePlan> plan_fixed_rates(const report::RunData& run, const ReproduceConfig& config);

struct FixedRateSettings {
  std::filesystem::path source_dir, build_dir, log_dir;
  std::vector<int> server_cpus, load_cpus;
  std::chrono::milliseconds duration{2000}, warmup{1000};
  unsigned repetitions = 3;
  unsigned connections = 64;  // enough in flight to carry the rate open loop
};

// Starts each server once and runs its windows; a server that fails is recorded, not fatal.
std::vector<FixedRateResult> run_fixed_rates(const std::vector<FixedRatePlan>& plans, const runner::Suite& suite,
                                             const FixedRateSettings& settings);

}  // namespace apibench::reproduce
