// How a comparison is shown: aligned text, markdown, JSON.
#include <fmt/format.h>

#include "report/compare.hpp"

namespace apibench::report {
namespace {

std::string p_text(const UTestResult& t) { return fmt::format("{:.3f}", t.p_value); }

std::string not_compared_lines(const Comparison& c, const char* prefix) {
  std::string out;
  for (const auto& n : c.not_compared) out += fmt::format("{}{}: {}\n", prefix, n.cell, n.note);
  return out;
}

nlohmann::json not_compared_json(const Comparison& c) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& n : c.not_compared) out.push_back({{"cell", n.cell}, {"note", n.note}});
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
  std::string unmatched = not_compared_lines(c, "  ");
  if (!unmatched.empty()) out += "\nnot compared:\n" + unmatched;
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
  std::string unmatched = not_compared_lines(c, "- ");
  if (!unmatched.empty()) out += "\n## Not compared\n\n" + unmatched;
  return out;
}

nlohmann::json to_json(const Comparison& c) {
  nlohmann::json j = {{"schema", kCompareSchema},
                      {"a", c.a_name},
                      {"b", c.b_name},
                      {"only_in_a", c.only_in_a},
                      {"only_in_b", c.only_in_b},
                      {"not_compared", not_compared_json(c)},
                      {"cells", nlohmann::json::array()}};
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

}  // namespace apibench::report
