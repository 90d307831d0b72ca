#pragma once
// How numbers read in the tables: the same text in report.md and report.html.
#include <cstdint>
#include <string>
#include <vector>

#include "runner/spread.hpp"

namespace apibench::report {

// "123456 (120001-125000)"
std::string format_rate_spread(const runner::Spread& s);
// Three significant figures at least, never scientific: "0.412", "35.2", "1250".
std::string format_measure(double value);
// Mebibytes with one decimal: "12.5".
std::string format_mib(double bytes);
// "3.1 KiB" / "912 B": per-connection memory.
std::string format_bytes(double bytes);
// "0,1" for a CPU list; "-" when empty.
std::string format_cpu_list(const std::vector<int>& cpus);

}  // namespace apibench::report
