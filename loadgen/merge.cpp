#include "loadgen/merge.hpp"

namespace apibench::loadgen {
namespace {

void add_totals(LoadResult& total, const LoadResult& part) {
  total.requests += part.requests;
  total.requests_sent += part.requests_sent;
  total.reconnects += part.reconnects;
  total.connections_open += part.connections_open;
  total.latency.add(part.latency);
  total.service_time.add(part.service_time);
  total.errors += part.errors;
  for (std::size_t i = 0; i < total.status_classes.size(); ++i) total.status_classes[i] += part.status_classes[i];
  if (total.endpoints.empty()) {
    total.endpoints = part.endpoints;
    return;
  }
  for (std::size_t i = 0; i < total.endpoints.size(); ++i) {
    total.endpoints[i].requests += part.endpoints[i].requests;
    total.endpoints[i].latency.add(part.endpoints[i].latency);
    total.endpoints[i].service_time.add(part.endpoints[i].service_time);
    total.endpoints[i].errors += part.endpoints[i].errors;
    for (std::size_t c = 0; c < part.status_classes.size(); ++c) {
      total.endpoints[i].status_classes[c] += part.endpoints[i].status_classes[c];
    }
  }
}

std::vector<SecondSample> merge_timeline(const std::vector<const Recorder*>& recorders) {
  const std::size_t seconds = recorders.front()->seconds().size();
  std::vector<SecondSample> timeline(seconds);
  LatencyHistogram second_latency;
  for (std::size_t s = 0; s < seconds; ++s) {
    second_latency.reset();
    for (const auto* recorder : recorders) {
      const auto& record = recorder->seconds()[s];
      timeline[s].requests += record.requests;
      timeline[s].errors += record.errors;
      for (const auto& [index, count] : record.latency_buckets) {
        second_latency.record_n(LatencyHistogram::lowest_equivalent(index), count);
      }
    }
    timeline[s].p99_ns = second_latency.value_at_percentile(99);
  }
  return timeline;
}

}  // namespace

LoadResult merge_recorders(const std::vector<const Recorder*>& recorders, std::chrono::nanoseconds elapsed) {
  LoadResult total;
  for (const auto* recorder : recorders) add_totals(total, recorder->totals());
  total.open_loop = recorders.front()->totals().open_loop;
  // In a closed loop every request is sent when it is meant to be: both clocks agree.
  if (!total.open_loop) {
    total.service_time = total.latency;
    for (auto& e : total.endpoints) e.service_time = e.latency;
  }
  total.elapsed = elapsed;
  total.timeline = merge_timeline(recorders);
  return total;
}

}  // namespace apibench::loadgen
