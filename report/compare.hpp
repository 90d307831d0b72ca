#pragma once
// `apibench compare A B`: cells matched by server, workload and connections;
// for each metric the change from A to B and a verdict that accounts for noise.
// Runs need not hold the same cells (a run against results/reference, a server
// missing on one side, a workload added): every cell that is not compared gets a
// note that says why.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "report/run_data.hpp"
#include "runner/mann_whitney.hpp"
#include "runner/spread.hpp"

namespace apibench::report {

using runner::UTestResult;

// The smallest change of the medians worth reporting for a metric: the change must
// reach both floors (the absolute one in the metric's own unit; 0 for none).
struct MinimalEffect {
  double percent = 0;     // of A's median
  double absolute = 0;    // |B median - A median|
  std::string_view unit;  // of `absolute`: "MiB"

  std::string text() const;  // "5%", "3% and 1 MiB"
};

// How one metric is compared: its name as shown, its direction, its minimal effect.
struct MetricRule {
  std::string_view name;
  bool higher_is_better = false;
  MinimalEffect minimal;
};

// The load metrics in the order shown, with their minimal effects (the table and
// its reasons are in compare.cpp and docs/results.md). Throws on an unknown name.
const MetricRule& load_metric_rule(std::string_view name);

// better/worse: the test's evidence (p < kSignificance) and at least the minimal
// effect. no_change: under the minimal effect, or no evidence. too_few_repetitions:
// a change of at least the minimal effect that the test cannot confirm or rule out
// with so few repetitions (3+3 cannot go below p = 0.1).
enum class Verdict { better, worse, no_change, too_few_repetitions, single_values, not_comparable };
std::string_view verdict_text(Verdict v);  // "better", "no change", "too few repetitions", ...

struct MetricChange {
  std::string metric;
  bool higher_is_better = false;
  MinimalEffect minimal;
  Spread a, b;
  std::size_t a_count = 0, b_count = 0;  // repetitions on each side
  // Of the medians, B against A; none when A's median is 0 and B's is not.
  std::optional<double> change_percent;
  std::optional<UTestResult> test;  // none with one value on a side
  Verdict verdict = Verdict::not_comparable;

  bool reaches_minimal_effect() const;
};

// Why a row got its verdict, in a few words: "under 5%", "p >= 0.05", "needs 4+4".
std::string verdict_reason(const MetricChange& m);

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
// /3: verdicts are "better", "worse", "no change", "too few repetitions", "one value
// each" (no "likely" verdicts); each metric carries n, minimal_effect and the
// verdict's reason; p_value and change_percent may be null; verdict_counts.
// /2: only_in_a/only_in_b hold only cells the other run lacks (/1 also listed failed
// ones); not_compared gives every cell left out with its note.
inline constexpr const char* kCompareSchema = "apibench.compare/3";

Comparison compare_runs(const RunData& a, const RunData& b, std::string a_name, std::string b_name);
// The verdict for one metric from its repetitions in A and B.
MetricChange compare_metric(const MetricRule& rule, const std::vector<double>& a, const std::vector<double>& b);

// The fewest repetitions on each side with which the test can reach p < kSignificance (4).
std::size_t repetitions_needed();

// How many rows got each verdict, in the order of Verdict; zero counts included.
std::vector<std::pair<Verdict, std::size_t>> verdict_counts(const Comparison& c);

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
