#pragma once
// Durations as people type them on a command line: "10s", "500ms", "2m", "1.5s".
#include <chrono>
#include <optional>
#include <string_view>

namespace apibench::loadgen {

// A number with unit us, ms, s, m or h; a bare number means seconds. nullopt when malformed
// or negative.
std::optional<std::chrono::milliseconds> parse_duration(std::string_view text);

}  // namespace apibench::loadgen
