#pragma once
// CPU lists as taskset writes them: "0,2,4-7".
#include <optional>
#include <string_view>
#include <vector>

namespace apibench::loadgen {

// nullopt when malformed (empty items, reversed ranges, non-numbers, more than 4096 CPUs).
std::optional<std::vector<int>> parse_cpu_list(std::string_view text);

}  // namespace apibench::loadgen
