#pragma once
// Reads one sample out of a Prometheus text exposition (GET /metrics).
#include <cstdint>
#include <optional>
#include <string_view>

namespace apibench::overload {

// The value of the sample whose series is exactly name (labels included, e.g.
// apibench_requests_total{route="health",status="200"}); nullopt when absent.
std::optional<std::uint64_t> metric_value(std::string_view exposition, std::string_view name);

}  // namespace apibench::overload
