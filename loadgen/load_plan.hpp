#pragma once
// What every event-loop thread shares, read-only: the spec checked and digested once at setup.
#include <cstdint>
#include <string>
#include <vector>

#include "loadgen/load.hpp"
#include "loadgen/socket_io.hpp"

namespace apibench::loadgen {

struct LoadPlan {
  const LoadSpec* spec = nullptr;
  io::Address address;
  unsigned threads = 1;                     // never more than connections
  std::vector<std::string> endpoint_names;  // distinct RequestTemplate names, in first-seen order
  std::vector<std::uint32_t> endpoint_of;   // per request template
  std::vector<bool> head_request;           // per request template: its response has no body
  std::vector<double> weights;              // per request template
  std::size_t max_request_bytes = 0;
  std::size_t timeline_seconds = 1;
};

// Throws std::invalid_argument with a one-line reason for a spec that cannot run.
void validate_spec(const LoadSpec& spec);
// Validates, resolves the host and digests the spec; throws std::invalid_argument.
LoadPlan make_plan(const LoadSpec& spec);

}  // namespace apibench::loadgen
