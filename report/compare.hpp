#pragma once
// `apibench compare A B`: cells matched by server, workload and connections;
// for each metric the change from A to B and a verdict that accounts for noise.
// Runs need not hold the same cells (a run against results/reference, a server
// missing on one side, a workload added): every cell that is not compared gets a
// note that says why.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report/run_data.hpp"
#include "runner/mann_whitney.hpp"
#include "runner/spread.hpp"

namespace apibench::report {

using runner::UTestResult;

enum class Verdict { better, worse, likely_better, likely_worse, no_change, single_values, not_comparable };
std::string_view verdict_text(Verdict v);

struct MetricChange {
  std::string metric;
  bool higher_is_better = false;
  Spread a, b;
  double change_percent = 0;  // of the medians, B against A
  UTestResult test;
  Verdict verdict = Verdict::not_comparable;
};

struct CellComparison {
  std::string server, workload;
  unsigned connections = 0;
  std::vector<MetricChange> metrics;
};

// A cell of either run that has no comparison, and why.
struct NotCompared {
  std::string cell;  // "server/workload/c64"
  std::string note;  // "server go-gin is not in B", "failed in B: not ready after 15000 ms", ...
};

struct Comparison {
  std::string a_name, b_name;
  std::vector<CellComparison> cells;
  std::vector<std::string> only_in_a, only_in_b;  // keys of cells the other run has no cell for
  std::vector<NotCompared> not_compared;          // every cell left out, with its note
};

inline constexpr double kSignificance = 0.05;
// /2: only_in_a/only_in_b hold only cells the other run lacks (/1 also listed failed
// ones); not_compared gives every cell left out with its note.
inline constexpr const char* kCompareSchema = "apibench.compare/2";

Comparison compare_runs(const RunData& a, const RunData& b, std::string a_name, std::string b_name);
// The verdict for one metric from its repetitions in A and B.
MetricChange compare_metric(std::string metric, bool higher_is_better, const std::vector<double>& a,
                            const std::vector<double>& b);

std::string format_comparison(const Comparison& c);           // aligned text for a terminal
std::string format_comparison_markdown(const Comparison& c);  // for pull requests
nlohmann::json to_json(const Comparison& c);

// Reads A and B (results folders or run.json files), prints the comparison, writes
// B/compare-<A>.md and .json. Returns the exit code: 0, 1 when the files cannot
// be written, 2 when a run cannot be read.
int compare_command(const std::filesystem::path& a, const std::filesystem::path& b);

// A run argument as the user typed it: "reference" is <source>/results/reference
// (committed with the repository); a relative path that does not exist here but
// does under the source tree (results/reference from a build folder) is taken there.
std::filesystem::path resolve_run_path(const std::string& arg, const std::filesystem::path& source_dir);

}  // namespace apibench::report
