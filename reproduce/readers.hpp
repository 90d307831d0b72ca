#pragma once
// Values the claims read beyond a cell's per-repetition metrics: a sweep's maximum,
// the fixed-rate windows, and ratios computed per repetition.
#include <string>
#include <vector>

#include "reproduce/claims.hpp"

namespace apibench::reproduce {

// The highest sweep rate that met the SLO, as a single measurement.
ServerValue sweep_max(const report::RunData& run, const std::string& server, const std::string& workload);

// The server's fixed-rate result for a purpose, or nullptr and why there is none.
const FixedRateResult* usable_fixed(const std::vector<FixedRateResult>& fixed, const std::string& server,
                                    const std::string& purpose, std::string& why);

// One sample per fixed-rate window.
ServerValue fixed_metric(const std::vector<FixedRateResult>& fixed, const std::string& server,
                         const std::string& purpose, double FixedRateWindow::*field);

// numerator[i] / denominator[i], for the pairs with a positive denominator.
std::vector<double> ratios(const std::vector<double>& numerator, const std::vector<double>& denominator);

}  // namespace apibench::reproduce
