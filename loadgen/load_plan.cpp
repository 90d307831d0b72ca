#include "loadgen/load_plan.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "loadgen/live_progress.hpp"

namespace apibench::loadgen {

void validate_spec(const LoadSpec& spec) {
  const auto fail = [](const std::string& reason) { throw std::invalid_argument("load spec: " + reason); };
  if (spec.requests.empty()) fail("at least one request template is needed");
  if (spec.connections == 0) fail("connections must be at least 1");
  if (spec.threads == 0 || spec.threads > kMaxGeneratorThreads) {
    fail("threads must be 1.." + std::to_string(kMaxGeneratorThreads));
  }
  if (spec.request_count && *spec.request_count == 0) fail("request count must be at least 1");
  if (spec.pipeline == 0) fail("pipeline depth must be at least 1");
  if (spec.port == 0) fail("port must be set");
  if (spec.duration.count() <= 0) fail("duration must be positive");
  if (spec.warmup.count() < 0) fail("warm-up must not be negative");
  if (spec.connect_timeout.count() <= 0 || spec.request_timeout.count() <= 0) fail("timeouts must be positive");
  if (spec.rate && (!std::isfinite(*spec.rate) || *spec.rate <= 0)) fail("rate must be a positive number");
  double total_weight = 0;
  for (const auto& request : spec.requests) {
    if (request.raw.empty()) fail("request '" + request.name + "' has no bytes");
    if (!std::isfinite(request.weight) || request.weight < 0) fail("request '" + request.name + "' has a bad weight");
    total_weight += request.weight;
  }
  if (total_weight <= 0) fail("request weights must not all be zero");
}

namespace {

std::uint32_t endpoint_index(std::vector<std::string>& names, const std::string& name) {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found != names.end()) return static_cast<std::uint32_t>(found - names.begin());
  names.push_back(name);
  return static_cast<std::uint32_t>(names.size() - 1);
}

}  // namespace

LoadPlan make_plan(const LoadSpec& spec) {
  validate_spec(spec);
  LoadPlan plan;
  plan.spec = &spec;
  std::string error;
  const auto address = io::resolve(spec.host, spec.port, error);
  if (!address) throw std::invalid_argument("load spec: " + error);
  plan.address = *address;
  plan.threads = std::min(spec.threads, spec.connections);
  for (const auto& request : spec.requests) {
    plan.endpoint_of.push_back(endpoint_index(plan.endpoint_names, request.name));
    plan.head_request.push_back(request.raw.rfind("HEAD ", 0) == 0);
    plan.weights.push_back(request.weight);
    plan.max_request_bytes = std::max(plan.max_request_bytes, request.raw.size());
  }
  plan.timeline_seconds = static_cast<std::size_t>((spec.duration.count() + 999) / 1000);
  return plan;
}

}  // namespace apibench::loadgen
