#pragma once
// Scenario expansion, all at setup (wrk's way): a seeded pick sequence is drawn (request by
// weight, key by distribution, body variant), every distinct request in it is rendered once,
// and each variant's weight is how often the sequence holds it. The generator's picker then
// cycles through exactly those counts (weighted_picker.hpp), so the hot loop only indexes.
// Key preloads become setup requests sent before the run.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "loadgen/load.hpp"
#include "loadgen/scenario.hpp"

namespace apibench::loadgen {

struct RenderedRequest {
  std::string name;  // the scenario request's name: the endpoint it is reported under
  std::string method;
  std::string target;                // placeholders filled
  std::vector<std::string> headers;  // "Name: value", placeholders filled
  std::string body;
  std::string content_type;  // empty: none, or the headers carry one
  double weight = 1;         // how many times the pick sequence holds this variant
};

struct ExpandedScenario {
  std::vector<RenderedRequest> variants;
  std::vector<std::uint32_t> sequence;  // indices into variants, drawn with the scenario's seed
  std::vector<RenderedRequest> setup;   // sent once, in order, before the run
};

ExpandedScenario expand_scenario(const Scenario& scenario);

// The exact bytes of one rendered request for the Host header `host_header`.
std::string render_bytes(const RenderedRequest& request, const std::string& host_header);

// Fills spec.requests (the variants, weighted by their counts) and spec.setup.
void apply_scenario(const ExpandedScenario& expanded, const std::string& host_header, LoadSpec& spec);

// Loads, expands and applies the scenario file; a one-line error naming the file and field.
std::optional<std::string> apply_scenario_file(const std::filesystem::path& path, const std::string& host_header,
                                               LoadSpec& spec);

}  // namespace apibench::loadgen
