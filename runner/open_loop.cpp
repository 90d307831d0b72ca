#include "runner/open_loop.hpp"

#include <fmt/format.h>

#include <optional>

#include "loadgen/sweep.hpp"

namespace apibench::runner {

OpenLoopRecord probe_and_offer(loadgen::LoadSpec& spec, const OpenLoopSpec& open_loop) {
  const loadgen::LoadResult probed = loadgen::run_probe(spec);
  OpenLoopRecord record;
  record.fraction_of_max = open_loop.fraction_of_max;
  record.probe_requests_per_second = probed.requests_per_second();
  record.probe_p99_us = static_cast<double>(probed.latency.value_at_percentile(99)) / 1e3;
  if (record.probe_requests_per_second <= 0) return record;
  record.offered_rate = record.probe_requests_per_second * open_loop.fraction_of_max;
  spec.rate = record.offered_rate;
  return record;
}

std::map<std::string, SweepMaximum> sweep_maxima(const OpenLoopSpec& open_loop, const std::vector<std::string>& servers,
                                                 const std::vector<CellResult>& done) {
  std::map<std::string, SweepMaximum> own;
  for (const auto& server : servers) {
    own[server].why_none = fmt::format("no maximum of '{}' for {} in this run", open_loop.max_from, server);
  }
  for (const auto& c : done) {
    if (c.workload != open_loop.max_from || !own.count(c.server)) continue;
    SweepMaximum& m = own[c.server];
    if (c.sweep && c.sweep->max_rate && *c.sweep->max_rate > 0) {
      m = {*c.sweep->max_rate, c.server, ""};
    } else {
      m.why_none = fmt::format("'{}' found no maximum for {}{}", open_loop.max_from, c.server,
                               c.error.empty() ? "" : ": " + c.error);
    }
  }
  if (!open_loop.of_lowest) return own;
  std::optional<SweepMaximum> lowest;
  for (const auto& [server, m] : own) {
    if (m.requests_per_second > 0 && (!lowest || m.requests_per_second < lowest->requests_per_second)) lowest = m;
  }
  std::map<std::string, SweepMaximum> common;
  for (const auto& server : servers) {
    common[server] = lowest ? *lowest
                            : SweepMaximum{0, "", fmt::format("no server has a maximum of '{}' in this run", open_loop.max_from)};
  }
  return common;
}

OpenLoopRecord offer_from_sweep(loadgen::LoadSpec& spec, const OpenLoopSpec& open_loop, const SweepMaximum& max) {
  OpenLoopRecord record;
  record.fraction_of_max = open_loop.fraction_of_max;
  record.max_from = open_loop.max_from;
  record.max_server = max.server;
  record.max_requests_per_second = max.requests_per_second;
  record.offered_rate = max.requests_per_second * open_loop.fraction_of_max;
  spec.rate = record.offered_rate;
  return record;
}

}  // namespace apibench::runner
