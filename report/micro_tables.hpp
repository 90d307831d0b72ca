#pragma once
// A micro-benchmark run's tables as text cells, shared by its report.md and
// report.html: the build and machine, then one table per topic.
#include "report/micro_data.hpp"
#include "report/tables.hpp"

namespace apibench::report {

// What was measured on what: build type, compiler, commit, host, CPUs, load.
Table micro_context_table(const MicroRun& run);
// One row per benchmark of the topic: median ns, cv %, allocations per op,
// throughput; "-" where the benchmark does not report a value.
Table micro_topic_table(const MicroTopic& topic);

}  // namespace apibench::report
