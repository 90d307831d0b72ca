#include "report/compare.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace apibench::report {
namespace {

struct LoadMetric {
  MetricRule rule;
  Metric source;
};

// The minimal effects: the smallest change of the medians a user would act on, past
// what a quiet shared 2-core VM reaches by itself between two runs of one build; on a
// busy one the test's evidence holds more back (docs/results.md: the same table with
// the figures behind it).
constexpr LoadMetric kLoadMetrics[] = {
    // The smallest gain a choice between servers turns on. A busy VM moves a whole run
    // by more, but then the repetitions spread as wide and the test holds it back.
    {{"requests/s", true, {5, 0, ""}}, Metric::requests_per_second},
    // The median latency moves with the scheduler's timing on 2 cores.
    {{"p50 us", false, {10, 0, ""}}, Metric::p50_us},
    // Tails are set by a few slow requests (a preemption, a page fault, a GC pause):
    // between two runs of one build a p99 moved by half, a p99.9 by two thirds.
    {{"p99 us", false, {50, 0, ""}}, Metric::p99_us},
    {{"p99.9 us", false, {100, 0, ""}}, Metric::p999_us},
    // As requests/s, which it mirrors on a saturated server (10 ms ticks: ~1% of 2 s).
    {{"CPU us/req", false, {5, 0, ""}}, Metric::cpu_us_per_request},
    // Peak RSS moves with the requests in flight at once, allocator arenas and thread
    // stacks: by 1.1 MiB of 11.5 between two runs of one build; the 2 MiB floor keeps
    // a small server's few pages from counting as a change.
    {{"RSS MiB", false, {5, 2, "MiB"}}, Metric::rss_peak_mib},
    // Counts per request are nearly exact; pools and buffers that grow now and then
    // move them by fractions, and a code change adds or removes whole allocations.
    {{"allocs/req", false, {5, 0.5, "allocs/req"}}, Metric::allocations_per_request},
};

// One value on each side (a sweep's maximum, an idle cell): no test, so no floor.
constexpr MetricRule kSweepMaximum{"max req/s", true, {}};
constexpr MetricRule kIdleBytes{"idle B/conn", false, {}};

// What a cell measured decides what can be compared with it.
enum class Kind { load, sweep, idle, nothing };

Kind kind_of(const CellData& c) {
  if (c.idle) return Kind::idle;
  if (c.sweep) return Kind::sweep;
  return c.repetitions.empty() ? Kind::nothing : Kind::load;
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::load:
      return "load";
    case Kind::sweep:
      return "sweep";
    case Kind::idle:
      return "idle-connection measurement";
    case Kind::nothing:
      break;
  }
  return "cell without measurements";
}

std::string cell_key(const CellData& c) { return fmt::format("{}/{}/c{}", c.server, c.workload, c.connections); }

const CellData* same_cell(const RunData& run, const CellData& c) {
  for (const auto& other : run.cells) {
    if (other.server == c.server && other.workload == c.workload && other.connections == c.connections) return &other;
  }
  return nullptr;
}

std::vector<unsigned> connection_counts(const RunData& run, const std::string& server, const std::string& workload) {
  std::vector<unsigned> counts;
  for (const auto& c : run.cells) {
    if (c.server == server && c.workload == workload) counts.push_back(c.connections);
  }
  return counts;
}

// Why `there` (run "A" or "B") has no cell like c.
std::string missing_note(const CellData& c, const RunData& there, const char* there_name) {
  const auto servers = there.servers();
  const auto workloads = there.workloads();
  if (std::find(servers.begin(), servers.end(), c.server) == servers.end()) {
    return fmt::format("server {} is not in {}", c.server, there_name);
  }
  if (std::find(workloads.begin(), workloads.end(), c.workload) == workloads.end()) {
    return fmt::format("workload {} is not in {}", c.workload, there_name);
  }
  const auto counts = connection_counts(there, c.server, c.workload);
  if (counts.empty()) return fmt::format("{} has no {} cell for {}", there_name, c.workload, c.server);
  return fmt::format("{} measured it at {} connections only", there_name, fmt::join(counts, ", "));
}

// Why a cell of run `name` has nothing to compare; empty when it has.
std::string unusable_note(const CellData& c, const char* name) {
  const std::string why = c.error.empty() ? "no reason recorded" : c.error;
  if (c.status == CellStatus::failed) return fmt::format("failed in {}: {}", name, why);
  if (c.status == CellStatus::skipped) return fmt::format("skipped in {}: {}", name, why);
  if (kind_of(c) == Kind::nothing) return fmt::format("no measurement in {}", name);
  return "";
}

// Every load metric both cells have (allocations are counted only when the suite asks).
std::vector<MetricChange> load_changes(const CellData& a, const CellData& b) {
  std::vector<MetricChange> out;
  for (const LoadMetric& m : kLoadMetrics) {
    const std::vector<double> in_a = a.values(m.source), in_b = b.values(m.source);
    if (in_a.empty() || in_b.empty()) continue;
    out.push_back(compare_metric(m.rule, in_a, in_b));
  }
  return out;
}

// The metrics of two usable cells, or a note when they measured different things.
std::vector<MetricChange> changes(const CellData& a, const CellData& b, std::string& note) {
  const Kind kind = kind_of(a);
  if (kind != kind_of(b)) {
    note = fmt::format("measured differently: a {} in A, a {} in B", kind_name(kind), kind_name(kind_of(b)));
    return {};
  }
  if (kind == Kind::load) return load_changes(a, b);
  if (kind == Kind::idle) {
    return {compare_metric(kIdleBytes, {a.idle->rss_per_connection_bytes}, {b.idle->rss_per_connection_bytes})};
  }
  if (!a.sweep->max_rate || !b.sweep->max_rate) {
    note = fmt::format("no sweep step met the SLO in {}", a.sweep->max_rate ? "B" : "A");
    return {};
  }
  return {compare_metric(kSweepMaximum, {*a.sweep->max_rate}, {*b.sweep->max_rate})};
}

std::optional<double> percent_change(double a, double b) {
  if (a == 0) return b == 0 ? std::optional<double>(0) : std::nullopt;
  return (b - a) / a * 100;
}

// The rule: a change needs the minimal effect first (no evidence makes a small change
// matter), then a test that can reach p < kSignificance at all, then its evidence.
Verdict judge(const MetricChange& m) {
  if (!m.reaches_minimal_effect()) return Verdict::no_change;
  if (runner::smallest_possible_p(m.a_count, m.b_count) >= kSignificance) return Verdict::too_few_repetitions;
  if (m.test->p_value >= kSignificance) return Verdict::no_change;
  const bool improved = (m.b.median > m.a.median) == m.higher_is_better;
  return improved ? Verdict::better : Verdict::worse;
}

}  // namespace

const MetricRule& load_metric_rule(std::string_view name) {
  for (const LoadMetric& m : kLoadMetrics) {
    if (m.rule.name == name) return m.rule;
  }
  throw std::invalid_argument(fmt::format("no load metric named '{}'", name));
}

std::string MinimalEffect::text() const {
  if (absolute == 0) return fmt::format("{:g}%", percent);
  return fmt::format("{:g}% and {:g} {}", percent, absolute, unit);
}

bool MetricChange::reaches_minimal_effect() const {
  const double difference = std::abs(b.median - a.median);
  if (difference == 0 || difference < minimal.absolute) return false;
  return !change_percent || std::abs(*change_percent) >= minimal.percent;  // none: from 0 to anything
}

std::string_view verdict_text(Verdict v) {
  switch (v) {
    case Verdict::better: return "better";
    case Verdict::worse: return "worse";
    case Verdict::no_change: return "no change";
    case Verdict::too_few_repetitions: return "too few repetitions";
    case Verdict::single_values: return "one value each";
    case Verdict::not_comparable: break;
  }
  return "not comparable";
}

std::size_t repetitions_needed() {
  static const std::size_t needed = [] {
    std::size_t n = 2;
    while (runner::smallest_possible_p(n, n) >= kSignificance) ++n;
    return n;
  }();
  return needed;
}

std::string verdict_reason(const MetricChange& m) {
  switch (m.verdict) {
    case Verdict::better:
    case Verdict::worse:
      return fmt::format("p < {} and at least {}", kSignificance, m.minimal.text());
    case Verdict::no_change:
      if (m.reaches_minimal_effect()) return fmt::format("p >= {}", kSignificance);
      return fmt::format("under the minimal {}", m.minimal.text());
    case Verdict::too_few_repetitions:
      return fmt::format("{}+{} cannot reach p < {}; {}+{} can", m.a_count, m.b_count, kSignificance,
                         repetitions_needed(), repetitions_needed());
    case Verdict::single_values: return "no test";
    case Verdict::not_comparable: break;
  }
  return "no values on a side";
}

MetricChange compare_metric(const MetricRule& rule, const std::vector<double>& a, const std::vector<double>& b) {
  MetricChange m;
  m.metric = rule.name;
  m.higher_is_better = rule.higher_is_better;
  m.minimal = rule.minimal;
  m.a = runner::spread_of(a);
  m.b = runner::spread_of(b);
  m.a_count = a.size();
  m.b_count = b.size();
  if (a.empty() || b.empty()) return m;
  m.change_percent = percent_change(m.a.median, m.b.median);
  if (a.size() == 1 && b.size() == 1) {  // a sweep's maximum, an idle cell: no spread to judge a change by
    m.verdict = Verdict::single_values;
    return m;
  }
  m.test = runner::mann_whitney_u(a, b);
  m.verdict = judge(m);
  return m;
}

std::vector<std::pair<Verdict, std::size_t>> verdict_counts(const Comparison& c) {
  std::vector<std::pair<Verdict, std::size_t>> counts;
  for (int v = 0; v <= static_cast<int>(Verdict::not_comparable); ++v) counts.emplace_back(static_cast<Verdict>(v), 0);
  for (const auto& cell : c.cells) {
    for (const auto& m : cell.metrics) ++counts[static_cast<std::size_t>(m.verdict)].second;
  }
  return counts;
}

Comparison compare_runs(const RunData& a, const RunData& b, std::string a_name, std::string b_name) {
  Comparison c{std::move(a_name), std::move(b_name), {}, {}, {}, {}};
  for (const auto& cell_a : a.cells) {
    const CellData* cell_b = same_cell(b, cell_a);
    if (cell_b == nullptr) {
      c.only_in_a.push_back(cell_key(cell_a));
      c.not_compared.push_back({cell_key(cell_a), missing_note(cell_a, b, "B")});
      continue;
    }
    std::string note = unusable_note(cell_a, "A");
    if (note.empty()) note = unusable_note(*cell_b, "B");
    std::vector<MetricChange> metrics = note.empty() ? changes(cell_a, *cell_b, note) : std::vector<MetricChange>{};
    if (!note.empty()) {
      c.not_compared.push_back({cell_key(cell_a), note});
      continue;
    }
    c.cells.push_back({cell_a.server, cell_a.workload, cell_a.connections, std::move(metrics)});
  }
  for (const auto& cell_b : b.cells) {
    if (same_cell(a, cell_b) != nullptr) continue;
    c.only_in_b.push_back(cell_key(cell_b));
    c.not_compared.push_back({cell_key(cell_b), missing_note(cell_b, a, "A")});
  }
  return c;
}

}  // namespace apibench::report
