#pragma once
// How reproduce writes numbers: the same text in claims.md, claims.html and the terminal.
#include <string>

#include "runner/spread.hpp"

namespace apibench::reproduce {

// Three significant figures at least, never scientific: "0.412", "35.2", "125000".
std::string format_number(double value);
// A ratio with two decimals, or three significant figures under 0.1: "0.53", "1.88", "0.0123".
std::string format_ratio(double ratio);
// "35.2 (34.9-36.0)" for several samples, "35.2" for one.
std::string format_spread(const runner::Spread& s, std::size_t samples);

}  // namespace apibench::reproduce
