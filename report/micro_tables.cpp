#include "report/micro_tables.hpp"

#include <fmt/format.h>

#include <array>

#include "report/format.hpp"

namespace apibench::report {
namespace {

std::string or_dash(const std::optional<double>& value) {
  return value ? format_measure(*value) : "-";
}

// "1.25 GB/s", "3.40 M/s": decimal prefixes, as Google Benchmark prints them.
std::string per_second(double value, const char* unit) {
  static constexpr std::array<const char*, 5> prefixes = {"", "k", "M", "G", "T"};
  std::size_t i = 0;
  while (value >= 1000 && i + 1 < prefixes.size()) {
    value /= 1000;
    ++i;
  }
  return fmt::format("{:.3g} {}{}/s", value, prefixes[i], unit);
}

std::string throughput(const MicroRow& row) {
  if (row.bytes_per_second) return per_second(*row.bytes_per_second, "B");
  if (row.items_per_second) return per_second(*row.items_per_second, "items");
  return "-";
}

std::string context_value(const MicroTopic& topic, const std::string& key) {
  auto it = topic.context.find(key);
  return it == topic.context.end() ? "unknown" : it->second;
}

}  // namespace

Table micro_context_table(const MicroRun& run) {
  Table t{{"what", "value"}, {false, false}, {}};
  if (run.topics.empty()) return t;
  const MicroTopic& first = run.topics.front();
  const std::string dirty = context_value(first, "git_dirty") == "true" ? " (uncommitted changes)" : "";
  t.rows = {
      {"build type", context_value(first, "build_type")},
      {"compiler", context_value(first, "compiler")},
      {"flags", context_value(first, "cxx_flags")},
      {"commit", context_value(first, "git_commit") + dirty},
      {"host", context_value(first, "host_name")},
      {"started", context_value(first, "date")},
      {"CPUs", context_value(first, "num_cpus") + " at " + context_value(first, "mhz_per_cpu") + " MHz"},
      {"Google Benchmark library", context_value(first, "library_build_type") + " build (Debian's package)"},
  };
  // Written by bench/bench_main.cpp when the programs were not built from the source tree as it was.
  if (auto w = first.context.find("commit_warning"); w != first.context.end()) {
    t.rows.push_back({"source tree when run", context_value(first, "source_commit") + ". Warning: " + w->second});
  }
  if (!run.load_note.empty()) t.rows.push_back({"load", run.load_note});
  return t;
}

Table micro_topic_table(const MicroTopic& topic) {
  Table t{{"benchmark", "median ns", "cv %", "allocs/op", "throughput", "reps"},
          {false, true, true, true, true, true},
          {}};
  for (const MicroRow& row : topic.rows) {
    if (!row.error.empty()) {
      t.rows.push_back({row.name, "error: " + row.error, "-", "-", "-", std::to_string(row.repetitions)});
      continue;
    }
    t.rows.push_back({row.name, format_measure(row.median_ns),
                      row.cv_percent ? fmt::format("{:.1f}", *row.cv_percent) : "-", or_dash(row.allocs_per_op),
                      throughput(row), std::to_string(row.repetitions)});
  }
  return t;
}

}  // namespace apibench::report
