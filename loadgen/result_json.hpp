#pragma once
// The LoadResult as JSON, schema "apibench.load/1" (documented in loadgen/README.md).
// Histograms are embedded losslessly (histogram/histogram_json.hpp), so results from
// several runs can be merged exactly later.
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "loadgen/load.hpp"

namespace apibench::loadgen {

inline constexpr const char* kLoadSchema = "apibench.load/1";

nlohmann::json load_result_to_json(const LoadSpec& spec, const LoadResult& result);
// Writes the JSON to `path`; a one-line reason on failure.
std::optional<std::string> write_load_json(const std::string& path, const LoadSpec& spec, const LoadResult& result);

}  // namespace apibench::loadgen
