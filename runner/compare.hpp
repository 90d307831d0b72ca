#pragma once
// `apibench compare A B`: cells matched by server, workload and connections;
// for each metric the change from A to B and a verdict that accounts for noise.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "runner/mann_whitney.hpp"
#include "runner/spread.hpp"

namespace apibench::runner {

enum class Verdict { better, worse, likely_better, likely_worse, no_change, not_comparable };
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

struct Comparison {
  std::string a_name, b_name;
  std::vector<CellComparison> cells;
  std::vector<std::string> only_in_a, only_in_b;  // "server/workload/c64"
};

inline constexpr double kSignificance = 0.05;

Comparison compare_runs(const nlohmann::json& a, const nlohmann::json& b, std::string a_name, std::string b_name);
// The verdict for one metric from its repetitions in A and B.
MetricChange compare_metric(std::string metric, bool higher_is_better, const std::vector<double>& a,
                            const std::vector<double>& b);

std::string format_comparison(const Comparison& c);           // aligned text for a terminal
std::string format_comparison_markdown(const Comparison& c);  // for pull requests
nlohmann::json to_json(const Comparison& c);

// A run.json, from its folder or the file; throws std::runtime_error for anything else.
nlohmann::json read_run(const std::filesystem::path& dir_or_file);

// Reads A/run.json and B/run.json, prints the comparison, writes
// B/compare-<A>.md and .json. Returns the exit code.
int compare_command(const std::filesystem::path& a, const std::filesystem::path& b);

}  // namespace apibench::runner
