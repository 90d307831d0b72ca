// run.json to RunData: the only place that knows run.json's field names on the way in
// (runner/results.cpp writes them).
#include <fmt/format.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "report/run_data.hpp"
#include "runner/results.hpp"

namespace apibench::report {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

// Optional fields: runs written by older builds may lack them.
template <class T>
T field(const json& j, const char* name, T fallback = T{}) {
  auto it = j.find(name);
  return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

double number(const json& j, const char* name) {
  auto it = j.find(name);
  return it != j.end() && it->is_number() ? it->get<double>() : 0;
}

Spread spread_field(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) return {};
  return {field<double>(*it, "median"), field<double>(*it, "min"), field<double>(*it, "max")};
}

EnvironmentData environment_from(const json& j) {
  EnvironmentData e;
  e.build = runner::commit_state_from_json(j, "build");
  e.source = runner::commit_state_from_json(j, "source");
  e.compiler = field<std::string>(j, "compiler");
  e.build_type = field<std::string>(j, "build_type");
  e.cxx_flags = field<std::string>(j, "cxx_flags");
  e.cpu_model = field<std::string>(j, "cpu_model");
  e.cpu_count = field<unsigned>(j, "cpu_count");
  e.kernel = field<std::string>(j, "kernel");
  e.hostname = field<std::string>(j, "hostname");
  e.governor = field<std::string>(j, "governor");
  e.command_line = field<std::string>(j, "command_line");
  return e;
}

std::vector<TimelineSecond> timeline_from(const json& j) {
  std::vector<TimelineSecond> seconds;
  for (const auto& s : j.value("timeline", json::array())) {
    seconds.push_back({field<std::uint64_t>(s, "requests"), field<std::uint64_t>(s, "errors"), number(s, "p99_us")});
  }
  return seconds;
}

// Transport errors of every kind plus answers outside 2xx.
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

RepetitionData repetition_from(const json& j) {
  RepetitionData r;
  const json latency = j.value("latency", json::object());
  const json server = j.value("server", json::object());
  r.histogram_file = field<std::string>(j, "histogram");
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
  r.timeline = timeline_from(j);
  r.background = j.contains("background");
  if (auto t = j.find("service_time"); t != j.end() && t->is_object()) r.service_time_p99_us = number(*t, "p99_us");
  return r;
}

// A step's own numbers are its final attempt's; "attempts" (runs since the sweep re-runs a
// p99 miss) lists the missed one first.
SweepStepData step_from(const json& step) {
  const json latency = step.value("latency", json::object());
  const json attempts = step.value("attempts", json::array());
  const bool rerun = attempts.size() > 1;
  const double first_p99 = rerun ? number(attempts.front().value("latency", json::object()), "p99_us") : 0;
  return {number(step, "rate"), number(step, "requests_per_second"), number(latency, "p50_us"),
          number(latency, "p99_us"), number(latency, "p999_us"), number(latency, "max_us"),
          field<bool>(step, "met"), field<std::string>(step, "verdict"), timeline_from(step),
          rerun ? static_cast<unsigned>(attempts.size()) : 1u, first_p99};
}

SweepData sweep_from(const json& j) {
  SweepData s;
  s.probe_requests_per_second = number(j, "probe_requests_per_second");
  if (auto m = j.find("max_rate"); m != j.end() && m->is_number()) s.max_rate = m->get<double>();
  for (const auto& step : j.value("steps", json::array())) s.steps.push_back(step_from(step));
  return s;
}

std::optional<Spread> allocations_spread(const std::vector<RepetitionData>& repetitions) {
  std::vector<double> counted;
  for (const auto& r : repetitions) {
    if (r.allocations_per_request) counted.push_back(*r.allocations_per_request);
  }
  if (counted.empty()) return std::nullopt;
  return runner::spread_of(counted);
}

CellSummaryData summary_from(const json& j, const std::vector<RepetitionData>& repetitions) {
  CellSummaryData s;
  s.requests_per_second = spread_field(j, "requests_per_second");
  s.p50_us = spread_field(j, "p50_us");
  s.p99_us = spread_field(j, "p99_us");
  s.p999_us = spread_field(j, "p999_us");
  s.max_us = spread_field(j, "max_us");
  s.cpu_us_per_request = spread_field(j, "cpu_us_per_request");
  s.rss_peak_mib = spread_field(j, "rss_peak_mib");
  s.allocations_per_request = allocations_spread(repetitions);
  s.errors = field<std::uint64_t>(j, "errors");
  s.noisy = field<bool>(j, "noisy");
  return s;
}

IdleData idle_from(const json& j) {
  return {field<unsigned>(j, "asked"), field<unsigned>(j, "answered"), field<std::uint64_t>(j, "rss_before_bytes"),
          field<std::uint64_t>(j, "rss_after_bytes"), field<double>(j, "rss_per_connection_bytes")};
}

OpenLoopData open_loop_from(const json& j) {
  return {number(j, "fraction_of_max"), number(j, "probe_requests_per_second"), number(j, "probe_p99_us"),
          number(j, "offered_rate")};
}

CellStatus status_from(const std::string& text) {
  if (text == "ok") return CellStatus::ok;
  if (text == "skipped") return CellStatus::skipped;
  if (text == "failed") return CellStatus::failed;
  throw std::runtime_error("a cell has status '" + text + "' (expected ok, failed or skipped)");
}

CellData cell_from(const json& j) {
  CellData c;
  c.server = j.at("server").get<std::string>();
  c.workload = j.at("workload").get<std::string>();
  c.connections = j.at("connections").get<unsigned>();
  c.status = status_from(j.at("status").get<std::string>());
  c.error = field<std::string>(j, "error");
  c.server_exit = field<std::string>(j, "server_exit");
  for (const auto& r : j.value("repetitions", json::array())) c.repetitions.push_back(repetition_from(r));
  for (const auto& r : j.value("redone_windows", json::array())) c.redone_reasons.push_back(field<std::string>(r, "reason"));
  if (auto s = j.find("summary"); s != j.end() && s->is_object()) c.summary = summary_from(*s, c.repetitions);
  if (auto i = j.find("idle"); i != j.end() && i->is_object()) c.idle = idle_from(*i);
  if (auto s = j.find("sweep"); s != j.end() && s->is_object()) c.sweep = sweep_from(*s);
  if (auto o = j.find("open_loop"); o != j.end() && o->is_object()) c.open_loop = open_loop_from(*o);
  return c;
}

void check_schema(const json& j) {
  const json* schema = j.is_object() && j.contains("schema") ? &j["schema"] : nullptr;
  if (schema == nullptr || !schema->is_string()) {
    throw std::runtime_error(std::string("no \"schema\" field: not an apibench run (expected ") + runner::kRunSchema +
                             ")");
  }
  if (*schema != runner::kRunSchema) {
    throw std::runtime_error("schema '" + schema->get<std::string>() + "', this apibench reads " + runner::kRunSchema);
  }
}

RunData fields_from(const json& j) {
  RunData run;
  run.suite = field<std::string>(j, "suite");
  run.started = field<std::string>(j, "started");
  run.finished = field<std::string>(j, "finished");
  run.complete = field<bool>(j, "complete");
  run.environment = environment_from(j.value("environment", json::object()));
  const json pinning = j.value("pinning", json::object());
  run.server_cpus = field<std::vector<int>>(pinning, "server_cpus");
  run.load_cpus = field<std::vector<int>>(pinning, "load_cpus");
  run.duration_ms = field<long long>(j, "duration_ms");
  run.warmup_ms = field<long long>(j, "warmup_ms");
  run.repetitions = field<unsigned>(j, "repetitions");
  run.warnings = field<std::vector<std::string>>(j, "warnings");
  for (const auto& c : j.at("cells")) run.cells.push_back(cell_from(c));
  return run;
}

json read_json(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(fmt::format("cannot read {}: no such file or not readable", file.string()));
  std::stringstream text;
  text << in.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::exception& e) {
    throw std::runtime_error(file.string() + " is not valid JSON: " + e.what());
  }
}

}  // namespace

RunData run_from_json(const json& j) {
  check_schema(j);
  try {
    return fields_from(j);
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("does not match ") + runner::kRunSchema + ": " + e.what());
  }
}

RunData load_run(const fs::path& run_dir_or_file) {
  const bool is_dir = fs::is_directory(run_dir_or_file);
  const fs::path file = is_dir ? run_dir_or_file / "run.json" : run_dir_or_file;
  const json j = read_json(file);
  try {
    RunData run = run_from_json(j);
    run.dir = is_dir ? run_dir_or_file : run_dir_or_file.parent_path();
    return run;
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

}  // namespace apibench::report
