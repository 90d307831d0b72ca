#include "loadgen/result_json.hpp"

#include <fstream>

#include "histogram/histogram_json.hpp"
#include "loadgen/percentiles.hpp"

namespace apibench::loadgen {
namespace {

nlohmann::json latency_json(const LatencyHistogram& h) {
  nlohmann::json percentiles = nlohmann::json::object();
  for (const auto& p : kReportedPercentiles) percentiles[p.label] = h.value_at_percentile(p.value);
  return {{"count", h.count()},       {"min_ns", h.min()},         {"max_ns", h.max()},
          {"mean_ns", h.mean()},      {"stddev_ns", h.stddev()},   {"percentiles_ns", std::move(percentiles)},
          {"histogram", histogram_to_json(h)}};
}

nlohmann::json spec_json(const LoadSpec& spec) {
  auto requests = nlohmann::json::array();
  for (const auto& r : spec.requests) requests.push_back({{"name", r.name}, {"weight", r.weight}, {"bytes", r.raw.size()}});
  return {{"host", spec.host},
          {"port", spec.port},
          {"mode", spec.rate ? "open" : "closed"},
          {"rate", spec.rate ? nlohmann::json(*spec.rate) : nlohmann::json(nullptr)},
          {"connections", spec.connections},
          {"threads", spec.threads},
          {"cpus", spec.cpus},
          {"pipeline", spec.pipeline},
          {"duration_ms", spec.duration.count()},
          {"request_count", spec.request_count ? nlohmann::json(*spec.request_count) : nlohmann::json(nullptr)},
          {"setup_requests", spec.setup.size()},
          {"warmup_ms", spec.warmup.count()},
          {"connect_timeout_ms", spec.connect_timeout.count()},
          {"request_timeout_ms", spec.request_timeout.count()},
          {"requests", std::move(requests)}};
}

nlohmann::json errors_json(const ErrorCounts& e) {
  return {{"connect", e.connect}, {"read", e.read},         {"write", e.write},
          {"timeout", e.timeout}, {"bad_response", e.bad_response}, {"total", e.total()}};
}

nlohmann::json status_json(const std::array<std::uint64_t, 6>& status_classes) {
  nlohmann::json classes = nlohmann::json::object();
  for (std::size_t i = 1; i < status_classes.size(); ++i) classes[std::to_string(i) + "xx"] = status_classes[i];
  return classes;
}

nlohmann::json timeline_json(const LoadResult& r) {
  auto seconds = nlohmann::json::array();
  for (std::size_t s = 0; s < r.timeline.size(); ++s) {
    const auto& sample = r.timeline[s];
    seconds.push_back({{"second", s}, {"requests", sample.requests}, {"errors", sample.errors}, {"p99_ns", sample.p99_ns}});
  }
  return seconds;
}

nlohmann::json endpoints_json(const LoadResult& r) {
  auto endpoints = nlohmann::json::array();
  for (const auto& e : r.endpoints) {
    endpoints.push_back({{"name", e.name},
                         {"requests", e.requests},
                         {"status_classes", status_json(e.status_classes)},
                         {"errors", errors_json(e.errors)},
                         {"latency", latency_json(e.latency)},
                         {"service_time", latency_json(e.service_time)}});
  }
  return endpoints;
}

}  // namespace

nlohmann::json load_result_to_json(const LoadSpec& spec, const LoadResult& r) {
  return {{"schema", kLoadSchema},
          {"spec", spec_json(spec)},
          {"requests", r.requests},
          {"requests_sent", r.requests_sent},
          {"elapsed_ns", r.elapsed.count()},
          {"requests_per_second", r.requests_per_second()},
          {"reconnects", r.reconnects},
          {"connections_open", r.connections_open},
          {"errors", errors_json(r.errors)},
          {"status_classes", status_json(r.status_classes)},
          {"latency", latency_json(r.latency)},
          {"service_time", latency_json(r.service_time)},
          {"endpoints", endpoints_json(r)},
          {"timeline", timeline_json(r)}};
}

std::optional<std::string> write_load_json(const std::string& path, const LoadSpec& spec, const LoadResult& result) {
  std::ofstream out(path);
  out << load_result_to_json(spec, result).dump(2) << '\n';
  out.close();
  if (!out) return "cannot write " + path;
  return std::nullopt;
}

}  // namespace apibench::loadgen
