#pragma once
// The human summary of a run: an aligned table of counts, errors by kind and latency
// percentiles (open loop: corrected and uncorrected side by side), and per endpoint.
#include <cstdint>
#include <string>

#include "loadgen/load.hpp"

namespace apibench::loadgen {

// `colour`: ANSI bold headings and red errors, for a terminal only.
std::string format_summary(const LoadSpec& spec, const LoadResult& result, bool colour = false);
// "850 ns", "123.4 us", "12.35 ms", "1.235 s"
std::string format_latency(std::uint64_t ns);

}  // namespace apibench::loadgen
