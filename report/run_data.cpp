#include "report/run_data.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

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

Spread spread_field(const json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end()) return {};
  return {field<double>(*it, "median"), field<double>(*it, "min"), field<double>(*it, "max")};
}

EnvironmentData environment_from(const json& j) {
  EnvironmentData e;
  e.git_commit = field<std::string>(j, "git_commit");
  e.git_dirty = field<bool>(j, "git_dirty");
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

RepetitionData repetition_from(const json& j) {
  RepetitionData r;
  r.histogram_file = field<std::string>(j, "histogram");
  r.requests_per_second = field<double>(j, "requests_per_second");
  for (const auto& s : j.value("timeline", json::array())) {
    r.timeline.push_back({field<std::uint64_t>(s, "requests"), field<std::uint64_t>(s, "errors"),
                          field<double>(s, "p99_us")});
  }
  if (auto server = j.find("server"); server != j.end()) {
    auto counted = server->find("allocations_per_request");
    if (counted != server->end() && !counted->is_null()) r.allocations_per_request = counted->get<double>();
  }
  return r;
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
  if (auto s = j.find("summary"); s != j.end()) c.summary = summary_from(*s, c.repetitions);
  if (auto i = j.find("idle"); i != j.end()) c.idle = idle_from(*i);
  return c;
}

RunData run_from(const json& j) {
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

void check_schema(const json& j, const fs::path& file) {
  const json* schema = j.is_object() && j.contains("schema") ? &j["schema"] : nullptr;
  if (schema == nullptr || !schema->is_string()) {
    throw std::runtime_error(file.string() + " has no \"schema\" field: not an apibench run (expected " +
                             runner::kRunSchema + ")");
  }
  if (*schema != runner::kRunSchema) {
    throw std::runtime_error(file.string() + " has schema '" + schema->get<std::string>() + "', this apibench reads " +
                             runner::kRunSchema);
  }
}

void add_once(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

const char* status_name(CellStatus status) {
  switch (status) {
    case CellStatus::ok: return "ok";
    case CellStatus::skipped: return "skipped";
    case CellStatus::failed: return "failed";
  }
  return "failed";
}

std::vector<std::string> RunData::workloads() const {
  std::vector<std::string> names;
  for (const auto& c : cells) add_once(names, c.workload);
  return names;
}

std::vector<std::string> RunData::servers() const {
  std::vector<std::string> names;
  for (const auto& c : cells) add_once(names, c.server);
  return names;
}

std::vector<const CellData*> RunData::measured_cells(const std::string& workload) const {
  std::vector<const CellData*> out;
  for (const auto& c : cells) {
    if (c.workload == workload && c.measured()) out.push_back(&c);
  }
  return out;
}

RunData load_run(const fs::path& run_dir) {
  const fs::path file = run_dir / "run.json";
  const json j = read_json(file);
  check_schema(j, file);
  try {
    RunData run = run_from(j);
    run.dir = run_dir;
    return run;
  } catch (const json::exception& e) {
    throw std::runtime_error(file.string() + " does not match " + runner::kRunSchema + ": " + e.what());
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

}  // namespace apibench::report
