#pragma once
// Open-loop windows at a fixed offered load: each server at 50% and 80% of its
// own POST /orders maximum (claim 2), and every server at one common GET /json
// rate (claim 6: tails at the same offered load). They are cells of the claims
// suite (open_loop with max_from, docs/suites.md), run side by side like every
// other cell; runs from before that kept them in <run>/fixed-rate.json (schema
// apibench.fixed-rate/1), which `reproduce --from` still reads.
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/run_data.hpp"
#include "reproduce/config.hpp"

namespace apibench::reproduce {

inline constexpr const char* kFixedRateSchema = "apibench.fixed-rate/1";
inline constexpr const char* kFixedRateFile = "fixed-rate.json";

// Why a window was run.
inline constexpr const char* kCommonLoad = "common";    // every server at the same /json rate
inline constexpr const char* kHalfOfMax = "50% of max";  // /orders at half the server's own maximum
inline constexpr const char* kFourFifthsOfMax = "80% of max";

struct FixedRateWindow {
  double requests_per_second = 0, p50_us = 0, p99_us = 0, p999_us = 0, max_us = 0;
  std::uint64_t requests = 0, errors = 0;
  std::vector<double> second_p99_us;
};

struct FixedRateResult {
  std::string server, workload, purpose;
  double rate = 0;                       // offered requests/s
  std::vector<FixedRateWindow> windows;  // one per repetition
  std::string error;                     // why it did not run, or failed

  std::vector<double> values(double FixedRateWindow::*field) const;
  std::vector<double> pooled_second_p99s() const;
};

nlohmann::json to_json(const std::vector<FixedRateResult>& results);
std::vector<FixedRateResult> fixed_rate_from_json(const nlohmann::json& j);  // throws std::runtime_error
// Empty when the run has no fixed-rate.json.
std::vector<FixedRateResult> load_fixed_rate(const std::filesystem::path& run_dir);

// The run's fixed-rate cells (the workloads named in `workloads`) as windows;
// empty when it has none. A run from before they were cells falls back to its
// fixed-rate.json.
std::vector<FixedRateResult> fixed_rate_of_run(const report::RunData& run, const ClaimWorkloads& workloads);

const FixedRateResult* find_fixed(const std::vector<FixedRateResult>& all, const std::string& server,
                                  const std::string& purpose);

}  // namespace apibench::reproduce
