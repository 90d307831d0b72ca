#include "reproduce/run_view.hpp"

#include <stdexcept>

#include "runner/compare.hpp"
#include "runner/results.hpp"

namespace apibench::reproduce {
using nlohmann::json;
namespace {

double number(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_number() ? it->get<double>() : 0;
}

std::vector<double> second_p99s(const json& j) {
  std::vector<double> out;
  for (const auto& s : j.value("timeline", json::array())) out.push_back(number(s, "p99_us"));
  return out;
}

std::uint64_t error_count(const json& rep) {
  double n = 0;
  const json errors = rep.value("errors", json::object());  // a local: items() would outlive a temporary
  for (const auto& [kind, count] : errors.items()) n += count.is_number() ? count.get<double>() : 0;
  const json classes = rep.value("status_classes", json::array());
  for (std::size_t c = 0; c < classes.size(); ++c) {
    if (c != 2 && classes[c].is_number()) n += classes[c].get<double>();
  }
  return static_cast<std::uint64_t>(n);
}

RepetitionView repetition_from(const json& j) {
  RepetitionView r;
  const json latency = j.value("latency", json::object());
  const json server = j.value("server", json::object());
  r.requests = static_cast<std::uint64_t>(number(j, "requests"));
  r.errors = error_count(j);
  r.requests_per_second = number(j, "requests_per_second");
  r.p50_us = number(latency, "p50_us");
  r.p99_us = number(latency, "p99_us");
  r.p999_us = number(latency, "p999_us");
  r.max_us = number(latency, "max_us");
  r.cpu_us_per_request = number(server, "cpu_us_per_request");
  r.rss_peak_mib = number(server, "rss_peak_bytes") / (1 << 20);
  if (auto a = server.find("allocations_per_request"); a != server.end() && a->is_number()) {
    r.allocations_per_request = a->get<double>();
  }
  r.second_p99_us = second_p99s(j);
  return r;
}

SweepView sweep_from(const json& j) {
  SweepView s;
  s.probe_requests_per_second = number(j, "probe_requests_per_second");
  if (auto m = j.find("max_rate"); m != j.end() && m->is_number()) s.max_rate = m->get<double>();
  for (const auto& step : j.value("steps", json::array())) {
    const json latency = step.value("latency", json::object());
    s.steps.push_back({number(step, "rate"), number(step, "requests_per_second"), number(latency, "p50_us"),
                       number(latency, "p99_us"), number(latency, "p999_us"), number(latency, "max_us"),
                       step.value("met", false), second_p99s(step)});
  }
  return s;
}

CellView cell_from(const json& j) {
  CellView c;
  c.server = j.at("server").get<std::string>();
  c.workload = j.at("workload").get<std::string>();
  c.connections = j.at("connections").get<unsigned>();
  c.status = j.value("status", "failed");
  c.error = j.value("error", "");
  for (const auto& r : j.value("repetitions", json::array())) c.repetitions.push_back(repetition_from(r));
  if (auto s = j.find("sweep"); s != j.end() && s->is_object()) c.sweep = sweep_from(*s);
  if (auto i = j.find("idle"); i != j.end() && i->is_object()) c.idle_rss_per_connection_bytes = number(*i, "rss_per_connection_bytes");
  // The runner records a background group's load per repetition and in the summary.
  for (const auto& r : j.value("repetitions", json::array())) c.background |= r.contains("background");
  return c;
}

}  // namespace

std::optional<double> RepetitionView::value(Metric m) const {
  switch (m) {
    case Metric::requests_per_second: return requests_per_second;
    case Metric::p50_us: return p50_us;
    case Metric::p99_us: return p99_us;
    case Metric::p999_us: return p999_us;
    case Metric::max_us: return max_us;
    case Metric::cpu_us_per_request: return cpu_us_per_request;
    case Metric::rss_peak_mib: return rss_peak_mib;
    case Metric::allocations_per_request: return allocations_per_request;
  }
  return std::nullopt;
}

std::vector<double> CellView::values(Metric m) const {
  std::vector<double> out;
  for (const auto& r : repetitions) {
    if (auto v = r.value(m)) out.push_back(*v);
  }
  return out;
}

std::uint64_t CellView::total_requests() const {
  std::uint64_t n = 0;
  for (const auto& r : repetitions) n += r.requests;
  return n;
}

std::uint64_t CellView::total_errors() const {
  std::uint64_t n = 0;
  for (const auto& r : repetitions) n += r.errors;
  return n;
}

const CellView* RunView::find(const std::string& server, const std::string& workload, unsigned connections) const {
  for (const auto& c : cells) {
    if (c.server == server && c.workload == workload && (connections == 0 || c.connections == connections)) return &c;
  }
  return nullptr;
}

RunView run_view_from_json(const json& j) {
  if (!j.is_object() || j.value("schema", "") != runner::kRunSchema) {
    throw std::runtime_error(std::string("not an apibench run (schema ") + runner::kRunSchema + ")");
  }
  RunView run;
  run.suite = j.value("suite", "");
  run.started = j.value("started", "");
  run.complete = j.value("complete", false);
  run.environment = j.value("environment", json::object());
  run.pinning = j.value("pinning", json::object());
  run.duration_ms = j.value("duration_ms", 0LL);
  run.warmup_ms = j.value("warmup_ms", 0LL);
  run.repetitions = j.value("repetitions", 0u);
  run.warnings = j.value("warnings", std::vector<std::string>{});
  try {
    for (const auto& c : j.at("cells")) run.cells.push_back(cell_from(c));
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("run.json does not match ") + runner::kRunSchema + ": " + e.what());
  }
  return run;
}

RunView load_run_view(const std::filesystem::path& run_dir) {
  RunView run = run_view_from_json(runner::read_run(run_dir));
  run.dir = std::filesystem::is_directory(run_dir) ? run_dir : run_dir.parent_path();
  return run;
}

}  // namespace apibench::reproduce
