#include "report/compare.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

namespace apibench::report {
namespace {

struct MetricSource {
  const char* name;
  bool higher_is_better;
  Metric metric;
};

constexpr MetricSource kLoadMetrics[] = {
    {"requests/s", true, Metric::requests_per_second},
    {"p50 us", false, Metric::p50_us},
    {"p99 us", false, Metric::p99_us},
    {"p99.9 us", false, Metric::p999_us},
    {"CPU us/req", false, Metric::cpu_us_per_request},
    {"RSS MiB", false, Metric::rss_peak_mib},
};

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

std::vector<MetricChange> load_changes(const CellData& a, const CellData& b) {
  std::vector<MetricChange> out;
  for (const MetricSource& src : kLoadMetrics) {
    out.push_back(compare_metric(src.name, src.higher_is_better, a.values(src.metric), b.values(src.metric)));
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
    return {
        compare_metric("idle B/conn", false, {a.idle->rss_per_connection_bytes}, {b.idle->rss_per_connection_bytes})};
  }
  if (!a.sweep->max_rate || !b.sweep->max_rate) {
    note = fmt::format("no sweep step met the SLO in {}", a.sweep->max_rate ? "B" : "A");
    return {};
  }
  return {compare_metric("max req/s", true, {*a.sweep->max_rate}, {*b.sweep->max_rate})};
}

bool ranges_apart(const Spread& a, const Spread& b) { return a.max < b.min || b.max < a.min; }

}  // namespace

std::string_view verdict_text(Verdict v) {
  switch (v) {
    case Verdict::better: return "better";
    case Verdict::worse: return "worse";
    case Verdict::likely_better: return "likely better (too few repetitions to be sure)";
    case Verdict::likely_worse: return "likely worse (too few repetitions to be sure)";
    case Verdict::no_change: return "no significant change";
    case Verdict::single_values: return "one value each: no test";
    case Verdict::not_comparable: break;
  }
  return "not comparable";
}

MetricChange compare_metric(std::string metric, bool higher_is_better, const std::vector<double>& a,
                            const std::vector<double>& b) {
  MetricChange m;
  m.metric = std::move(metric);
  m.higher_is_better = higher_is_better;
  m.a = runner::spread_of(a);
  m.b = runner::spread_of(b);
  if (a.empty() || b.empty()) return m;
  if (m.a.median != 0) m.change_percent = (m.b.median - m.a.median) / m.a.median * 100;
  if (a.size() == 1 && b.size() == 1) {  // a sweep's maximum, an idle cell: no spread to judge a change by
    m.verdict = Verdict::single_values;
    return m;
  }
  m.test = runner::mann_whitney_u(a, b);
  bool b_higher = m.b.median > m.a.median;
  bool improved = b_higher == higher_is_better;
  if (m.test.p_value < kSignificance) {
    m.verdict = improved ? Verdict::better : Verdict::worse;
  } else if (ranges_apart(m.a, m.b)) {
    m.verdict = improved ? Verdict::likely_better : Verdict::likely_worse;
  } else {
    m.verdict = Verdict::no_change;
  }
  return m;
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
