#include "reproduce/readers.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "reproduce/rows.hpp"

namespace apibench::reproduce {

ServerValue sweep_max(const report::RunData& run, const std::string& server, const std::string& workload) {
  std::string why;
  const report::CellData* cell = usable_cell(run, server, workload, 0, why);
  if (cell == nullptr) return no_value(server, why);
  if (!cell->sweep) return no_value(server, "the cell is not a sweep");
  if (!cell->sweep->max_rate) return no_value(server, "no step met the SLO");
  return {server, {*cell->sweep->max_rate}, ""};
}

const FixedRateResult* usable_fixed(const std::vector<FixedRateResult>& fixed, const std::string& server,
                                    const std::string& purpose, std::string& why) {
  const FixedRateResult* f = find_fixed(fixed, server, purpose);
  if (f == nullptr) why = "no fixed-rate window (the run had no fixed-rate phase)";
  else if (!f->error.empty()) why = f->error;
  else if (f->windows.empty()) why = "no window finished";
  else return f;
  return nullptr;
}

ServerValue fixed_metric(const std::vector<FixedRateResult>& fixed, const std::string& server,
                         const std::string& purpose, double FixedRateWindow::*field) {
  std::string why;
  const FixedRateResult* f = usable_fixed(fixed, server, purpose, why);
  if (f == nullptr) return no_value(server, why);
  return {server, f->values(field), fmt::format("at {:.0f} req/s", f->rate)};
}

std::vector<double> ratios(const std::vector<double>& numerator, const std::vector<double>& denominator) {
  std::vector<double> out;
  for (std::size_t i = 0; i < std::min(numerator.size(), denominator.size()); ++i) {
    if (denominator[i] > 0) out.push_back(numerator[i] / denominator[i]);
  }
  return out;
}

}  // namespace apibench::reproduce
