#include "runner/open_loop.hpp"

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

}  // namespace apibench::runner
