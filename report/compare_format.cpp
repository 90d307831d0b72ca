// How a comparison is shown: aligned text, markdown, JSON. All three give the same
// verdicts, reasons and counts.
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>

#include "report/compare.hpp"

namespace apibench::report {
namespace {

// Two decimals, or three significant digits under 1 (allocations per request of 0.015).
std::string value_text(double v) {
  return v != 0 && std::abs(v) < 1 ? fmt::format("{:.3g}", v) : fmt::format("{:.2f}", v);
}
std::string spread_text(const Spread& s) {
  return fmt::format("{} ({}-{})", value_text(s.median), value_text(s.min), value_text(s.max));
}
std::string p_text(const MetricChange& m) { return m.test ? fmt::format("{:.3f}", m.test->p_value) : "-"; }
std::string n_text(const MetricChange& m) { return fmt::format("{}+{}", m.a_count, m.b_count); }
std::string change_text(const MetricChange& m) {
  return m.change_percent ? fmt::format("{:+.1f}%", *m.change_percent) : "n/a";
}
std::string verdict_line(const MetricChange& m) {
  return fmt::format("{} ({})", verdict_text(m.verdict), verdict_reason(m));
}

bool any_verdict(const Comparison& c, Verdict v) {
  for (const auto& cell : c.cells) {
    for (const auto& m : cell.metrics) {
      if (m.verdict == v) return true;
    }
  }
  return false;
}

// "14 metrics compared: 0 better, 1 worse, 12 no change, 1 too few repetitions"
std::string summary_line(const Comparison& c) {
  std::size_t total = 0;
  std::vector<std::string> parts;
  for (const auto& [verdict, count] : verdict_counts(c)) {
    total += count;
    const bool always_shown = verdict == Verdict::better || verdict == Verdict::worse || verdict == Verdict::no_change;
    if (count > 0 || always_shown) parts.push_back(fmt::format("{} {}", count, verdict_text(verdict)));
  }
  return fmt::format("{} metrics compared: {}", total, fmt::join(parts, ", "));
}

// "requests/s 5%, ..., RSS MiB 3% and 1 MiB": the minimal effects of the metrics shown.
std::string minimal_effects_shown(const Comparison& c) {
  std::vector<std::string> effects;
  for (const auto& cell : c.cells) {
    for (const auto& m : cell.metrics) {
      if (m.minimal.percent == 0 && m.minimal.absolute == 0) continue;
      std::string effect = fmt::format("{} {}", m.metric, m.minimal.text());
      if (std::find(effects.begin(), effects.end(), effect) == effects.end()) effects.push_back(effect);
    }
  }
  return effects.empty() ? "none here" : fmt::format("{}", fmt::join(effects, ", "));
}

// The rule behind the verdicts, and what "too few repetitions" means when a row has it.
std::vector<std::string> rule_lines(const Comparison& c) {
  std::vector<std::string> lines{fmt::format(
      "better/worse: a two-sided Mann-Whitney U test over the repetitions gives p < {} and the medians differ by at "
      "least the metric's minimal effect ({}); otherwise no change.",
      kSignificance, minimal_effects_shown(c))};
  if (any_verdict(c, Verdict::too_few_repetitions)) {
    const std::size_t n = repetitions_needed();
    lines.push_back(fmt::format(
        "too few repetitions: a change of at least the minimal effect that the test can neither confirm nor rule out: "
        "with {}+{} repetitions its smallest p is {:.3f}; {}+{} reach {:.3f} (apibench run -r {}).",
        n - 1, n - 1, runner::smallest_possible_p(n - 1, n - 1), n, n, runner::smallest_possible_p(n, n), n));
  }
  return lines;
}

std::string not_compared_lines(const Comparison& c, const char* prefix) {
  std::string out;
  for (const auto& n : c.not_compared) out += fmt::format("{}{}: {}\n", prefix, n.cell, n.note);
  return out;
}

nlohmann::json spread_json(const Spread& s, std::size_t n) {
  return {{"median", s.median}, {"min", s.min}, {"max", s.max}, {"n", n}};
}

nlohmann::json metric_json(const MetricChange& m) {
  const auto or_null = [](const std::optional<double>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
  return {{"metric", m.metric},
          {"higher_is_better", m.higher_is_better},
          {"minimal_effect",
           {{"percent", m.minimal.percent}, {"absolute", m.minimal.absolute}, {"unit", m.minimal.unit}}},
          {"a", spread_json(m.a, m.a_count)},
          {"b", spread_json(m.b, m.b_count)},
          {"change_percent", or_null(m.change_percent)},
          {"p_value", m.test ? nlohmann::json(m.test->p_value) : nlohmann::json()},
          {"verdict", verdict_text(m.verdict)},
          {"reason", verdict_reason(m)}};
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
    out += fmt::format("  {:<11} {:>12} {:>12} {:>8} {:>6} {:>5}  {}\n", "metric", "A median", "B median", "change",
                       "p", "n", "verdict");
    for (const auto& m : cell.metrics) {
      out += fmt::format("  {:<11} {:>12} {:>12} {:>8} {:>6} {:>5}  {}\n", m.metric, value_text(m.a.median),
                         value_text(m.b.median), change_text(m), p_text(m), n_text(m), verdict_line(m));
    }
  }
  std::string unmatched = not_compared_lines(c, "  ");
  if (!unmatched.empty()) out += "\nnot compared:\n" + unmatched;
  out += "\n" + summary_line(c) + "\n";
  for (const auto& line : rule_lines(c)) out += line + "\n";
  return out;
}

std::string format_comparison_markdown(const Comparison& c) {
  std::string out =
      fmt::format("# apibench compare\n\n- A: `{}`\n- B: `{}`\n\n{}\n\n", c.a_name, c.b_name, summary_line(c));
  for (const auto& line : rule_lines(c)) out += line + "\n";
  for (const auto& cell : c.cells) {
    out += fmt::format("\n## {} {} c={}\n\n", cell.server, cell.workload, cell.connections);
    out += "| metric | A median (min-max) | B median (min-max) | change | p | n | verdict |\n"
           "|---|---|---|---|---|---|---|\n";
    for (const auto& m : cell.metrics) {
      out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", m.metric, spread_text(m.a), spread_text(m.b),
                         change_text(m), p_text(m), n_text(m), verdict_line(m));
    }
  }
  std::string unmatched = not_compared_lines(c, "- ");
  if (!unmatched.empty()) out += "\n## Not compared\n\n" + unmatched;
  return out;
}

nlohmann::json to_json(const Comparison& c) {
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& [verdict, count] : verdict_counts(c)) counts[std::string(verdict_text(verdict))] = count;
  nlohmann::json j = {{"schema", kCompareSchema},
                      {"a", c.a_name},
                      {"b", c.b_name},
                      {"verdict_counts", counts},
                      {"only_in_a", c.only_in_a},
                      {"only_in_b", c.only_in_b},
                      {"not_compared", not_compared_json(c)},
                      {"cells", nlohmann::json::array()}};
  for (const auto& cell : c.cells) {
    nlohmann::json metrics = nlohmann::json::array();
    for (const auto& m : cell.metrics) metrics.push_back(metric_json(m));
    j["cells"].push_back({{"server", cell.server}, {"workload", cell.workload}, {"connections", cell.connections},
                          {"metrics", metrics}});
  }
  return j;
}

}  // namespace apibench::report
