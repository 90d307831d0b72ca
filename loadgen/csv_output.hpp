#pragma once
// The LoadResult as CSV (docs/loadgen.md): one row per endpoint and a "total" row, with the
// reported percentiles of the corrected latency and of the service time, in nanoseconds, and
// errors by kind.
#include <optional>
#include <string>

#include "loadgen/load.hpp"

namespace apibench::loadgen {

std::string csv_header();
std::string load_result_to_csv(const LoadResult& result);
// Writes the CSV to `path`; a one-line reason on failure.
std::optional<std::string> write_load_csv(const std::string& path, const LoadResult& result);

}  // namespace apibench::loadgen
