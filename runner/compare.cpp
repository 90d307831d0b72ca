#include "runner/compare.hpp"

#include <fmt/format.h>

#include <fstream>
#include <map>

#include "runner/results.hpp"

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

struct MetricSource {
  const char* name;
  bool higher_is_better;
  double (*read)(const nlohmann::json& repetition);
};

double number_at(const nlohmann::json& j, const char* a, const char* b = nullptr) {
  const nlohmann::json& v = b ? j.at(a).at(b) : j.at(a);
  return v.is_number() ? v.get<double>() : 0;
}

constexpr MetricSource kMetrics[] = {
    {"requests/s", true, [](const nlohmann::json& r) { return number_at(r, "requests_per_second"); }},
    {"p50 us", false, [](const nlohmann::json& r) { return number_at(r, "latency", "p50_us"); }},
    {"p99 us", false, [](const nlohmann::json& r) { return number_at(r, "latency", "p99_us"); }},
    {"p99.9 us", false, [](const nlohmann::json& r) { return number_at(r, "latency", "p999_us"); }},
    {"CPU us/req", false, [](const nlohmann::json& r) { return number_at(r, "server", "cpu_us_per_request"); }},
    {"RSS MiB", false, [](const nlohmann::json& r) { return number_at(r, "server", "rss_peak_bytes") / (1 << 20); }},
};

std::string cell_key(const nlohmann::json& cell) {
  return fmt::format("{}/{}/c{}", cell.value("server", ""), cell.value("workload", ""), cell.value("connections", 0));
}

std::map<std::string, const nlohmann::json*> ok_cells(const nlohmann::json& run) {
  std::map<std::string, const nlohmann::json*> cells;
  if (!run.contains("cells") || !run["cells"].is_array()) return cells;
  for (const auto& c : run["cells"]) {  // pointers into run itself: value() would return a copy
    if (c.value("status", "") == "ok" && !c.value("repetitions", nlohmann::json::array()).empty()) {
      cells[cell_key(c)] = &c;
    }
  }
  return cells;
}

bool ranges_apart(const Spread& a, const Spread& b) { return a.max < b.min || b.max < a.min; }

}  // namespace

nlohmann::json read_run(const fs::path& dir) {
  fs::path file = fs::is_directory(dir) ? dir / "run.json" : dir;
  std::ifstream in(file);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  auto j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || j.value("schema", "") != kRunSchema) {
    throw std::runtime_error(file.string() + " is not an apibench run (schema " + kRunSchema + ")");
  }
  return j;
}

std::string_view verdict_text(Verdict v) {
  switch (v) {
    case Verdict::better: return "better";
    case Verdict::worse: return "worse";
    case Verdict::likely_better: return "likely better (too few repetitions to be sure)";
    case Verdict::likely_worse: return "likely worse (too few repetitions to be sure)";
    case Verdict::no_change: return "no significant change";
    case Verdict::not_comparable: break;
  }
  return "not comparable";
}

MetricChange compare_metric(std::string metric, bool higher_is_better, const std::vector<double>& a,
                            const std::vector<double>& b) {
  MetricChange m;
  m.metric = std::move(metric);
  m.higher_is_better = higher_is_better;
  m.a = spread_of(a);
  m.b = spread_of(b);
  if (a.empty() || b.empty()) return m;
  if (m.a.median != 0) m.change_percent = (m.b.median - m.a.median) / m.a.median * 100;
  m.test = mann_whitney_u(a, b);
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

Comparison compare_runs(const nlohmann::json& a, const nlohmann::json& b, std::string a_name, std::string b_name) {
  Comparison c{std::move(a_name), std::move(b_name), {}, {}, {}};
  auto cells_a = ok_cells(a), cells_b = ok_cells(b);
  for (const auto& [key, ca] : cells_a) {
    auto it = cells_b.find(key);
    if (it == cells_b.end()) {
      c.only_in_a.push_back(key);
      continue;
    }
    const nlohmann::json& cb = *it->second;
    CellComparison cell{ca->value("server", ""), ca->value("workload", ""), ca->value("connections", 0u), {}};
    for (const MetricSource& src : kMetrics) {
      std::vector<double> va, vb;
      for (const auto& r : ca->at("repetitions")) va.push_back(src.read(r));
      for (const auto& r : cb.at("repetitions")) vb.push_back(src.read(r));
      cell.metrics.push_back(compare_metric(src.name, src.higher_is_better, va, vb));
    }
    c.cells.push_back(std::move(cell));
  }
  for (const auto& [key, cb] : cells_b) {
    if (!cells_a.count(key)) c.only_in_b.push_back(key);
  }
  return c;
}

}  // namespace apibench::runner
