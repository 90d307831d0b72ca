// How a comparison is shown: aligned text, markdown, JSON; and the command.
#include <fmt/format.h>

#include "runner/compare.hpp"
#include "runner/results.hpp"

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

std::string p_text(const UTestResult& t) { return fmt::format("{:.3f}", t.p_value); }

std::string unmatched_lines(const Comparison& c, const char* prefix) {
  std::string out;
  for (const auto& k : c.only_in_a) out += fmt::format("{}only in {}: {}\n", prefix, c.a_name, k);
  for (const auto& k : c.only_in_b) out += fmt::format("{}only in {}: {}\n", prefix, c.b_name, k);
  return out;
}

}  // namespace

std::string format_comparison(const Comparison& c) {
  std::string out = fmt::format("A = {}\nB = {}\n", c.a_name, c.b_name);
  for (const auto& cell : c.cells) {
    out += fmt::format("\n{} {} c={}\n", cell.server, cell.workload, cell.connections);
    out += fmt::format("  {:<11} {:>12} {:>12} {:>9} {:>7}  {}\n", "metric", "A median", "B median", "change", "p", "verdict");
    for (const auto& m : cell.metrics) {
      out += fmt::format("  {:<11} {:>12.2f} {:>12.2f} {:>+8.1f}% {:>7}  {}\n", m.metric, m.a.median, m.b.median,
                         m.change_percent, p_text(m.test), verdict_text(m.verdict));
    }
  }
  out += unmatched_lines(c, "");
  return out;
}

std::string format_comparison_markdown(const Comparison& c) {
  std::string out = fmt::format("# apibench compare\n\n- A: `{}`\n- B: `{}`\n\nVerdicts use a two-sided Mann-Whitney U "
                                "test over the repetitions at p < {}.\n",
                                c.a_name, c.b_name, kSignificance);
  for (const auto& cell : c.cells) {
    out += fmt::format("\n## {} {} c={}\n\n| metric | A median (min-max) | B median (min-max) | change | p | verdict |\n"
                       "|---|---|---|---|---|---|\n",
                       cell.server, cell.workload, cell.connections);
    for (const auto& m : cell.metrics) {
      out += fmt::format("| {} | {:.2f} ({:.2f}-{:.2f}) | {:.2f} ({:.2f}-{:.2f}) | {:+.1f}% | {} | {} |\n", m.metric,
                         m.a.median, m.a.min, m.a.max, m.b.median, m.b.min, m.b.max, m.change_percent, p_text(m.test),
                         verdict_text(m.verdict));
    }
  }
  std::string unmatched = unmatched_lines(c, "- ");
  if (!unmatched.empty()) out += "\n## Not compared\n\n" + unmatched;
  return out;
}

nlohmann::json to_json(const Comparison& c) {
  nlohmann::json j = {{"schema", "apibench.compare/1"}, {"a", c.a_name}, {"b", c.b_name},
                      {"only_in_a", c.only_in_a}, {"only_in_b", c.only_in_b}, {"cells", nlohmann::json::array()}};
  for (const auto& cell : c.cells) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& m : cell.metrics) {
      metrics.push_back({{"metric", m.metric},
                         {"higher_is_better", m.higher_is_better},
                         {"a", {{"median", m.a.median}, {"min", m.a.min}, {"max", m.a.max}}},
                         {"b", {{"median", m.b.median}, {"min", m.b.min}, {"max", m.b.max}}},
                         {"change_percent", m.change_percent},
                         {"p_value", m.test.p_value},
                         {"verdict", verdict_text(m.verdict)}});
    }
    j["cells"].push_back({{"server", cell.server}, {"workload", cell.workload}, {"connections", cell.connections},
                          {"metrics", metrics}});
  }
  return j;
}

int compare_command(const fs::path& a, const fs::path& b) {
  Comparison c;
  try {
    c = compare_runs(read_run(a), read_run(b), a.string(), b.string());
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench compare: {}\n", e.what());
    return 2;
  }
  fmt::print("{}", format_comparison(c));
  fs::path out_dir = fs::is_directory(b) ? b : b.parent_path();
  std::string stem = "compare-" + fs::path(a).lexically_normal().filename().string();
  if (stem == "compare-") stem = "compare-" + fs::path(a).lexically_normal().parent_path().filename().string();
  try {
    write_file_atomically(out_dir / (stem + ".md"), format_comparison_markdown(c));
    write_file_atomically(out_dir / (stem + ".json"), to_json(c).dump(2) + "\n");
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench compare: {}\n", e.what());
    return 1;
  }
  fmt::print("\nwritten: {}.md and .json in {}\n", stem, out_dir.string());
  return 0;
}

}  // namespace apibench::runner
