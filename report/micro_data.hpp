#pragma once
// A micro-benchmark run (scripts/bench-micro.sh): results/<ts>-micro/micro/<program>.json,
// Google Benchmark's JSON, one file per bm_* program. Loaded into one row per
// benchmark: the median over the repetitions and its spread.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace apibench::report {

struct MicroRow {
  std::string name;                         // run_name: "BM_ParseOrder_RustTyped/10"
  double median_ns = 0;                     // real time per operation
  std::optional<double> cv_percent;         // over the repetitions; none for a single run
  std::optional<double> allocs_per_op;      // when the benchmark counts allocations
  std::optional<double> bytes_per_second;   // when it sets bytes processed
  std::optional<double> items_per_second;   // when it sets items processed
  int repetitions = 1;
  std::string error;                        // the benchmark's SkipWithError message
};

// One program's file: its topic ("json" for bm_json) and rows in the file's order.
struct MicroTopic {
  std::string topic;
  std::map<std::string, std::string> context;  // Google Benchmark's context, as text
  std::vector<MicroRow> rows;
};

struct MicroRun {
  std::filesystem::path dir;
  std::vector<MicroTopic> topics;  // sorted by topic
  std::string load_note;           // load.txt (the machine's load before the run), when present
};

// True when dir has no run.json and holds micro/*.json files.
bool is_micro_folder(const std::filesystem::path& dir);

// One Google Benchmark JSON document. Medians come from the "median" aggregate
// and cv from the "cv" one; a benchmark run without repetitions (no aggregates)
// gives its single run. Throws std::runtime_error when the document is not
// Google Benchmark's JSON.
MicroTopic parse_micro_topic(const nlohmann::json& doc, const std::string& program);

// Parses Google Benchmark's JSON output. Its writer prints a counter it cannot
// compute (the cv of a counter that is always 0) as a bare NaN or inf, which is
// not JSON; such values read as null. Returns a discarded value on a syntax error.
nlohmann::json parse_google_benchmark_json(const std::string& text);

// Every non-empty micro/*.json of dir (an empty one: the filter matched nothing there). Throws std::runtime_error (naming the file) when one is unreadable.
MicroRun load_micro_run(const std::filesystem::path& dir);

}  // namespace apibench::report
