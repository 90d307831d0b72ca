#include "runner/suite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <variant>

#include "loadgen/scenario_expand.hpp"

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

WorkloadRequest parse_request(const nlohmann::json& j) {
  WorkloadRequest r;
  r.method = j.value("method", "GET");
  r.path = j.at("path").get<std::string>();
  r.headers = j.value("headers", std::vector<std::string>{});
  r.body = j.value("body", "");
  r.content_type = j.value("content_type", r.body.empty() ? "" : "application/json");
  r.weight = j.value("weight", 1.0);
  if (r.path.empty() || r.path.front() != '/') throw std::runtime_error("request path must start with '/'");
  if (r.weight <= 0) throw std::runtime_error("request weight must be positive");
  return r;
}

std::vector<WorkloadRequest> parse_requests(const nlohmann::json& list) {
  std::vector<WorkloadRequest> out;
  for (const auto& r : list) out.push_back(parse_request(r));
  return out;
}

BackgroundLoad parse_background(const nlohmann::json& j) {
  BackgroundLoad b;
  b.route = j.at("route").get<std::string>();
  b.requests = parse_requests(j.at("requests"));
  b.connections = j.at("connections").get<unsigned>();
  if (b.requests.empty() || b.connections == 0) throw std::runtime_error("background needs requests and connections");
  return b;
}

OpenLoopSpec parse_open_loop(const nlohmann::json& j, const std::string& workload) {
  OpenLoopSpec o;
  const auto fraction = j.is_object() ? j.find("fraction_of_max") : j.end();
  if (!j.is_object() || fraction == j.end() || !fraction->is_number()) {
    throw std::runtime_error("workload '" + workload + "': open_loop needs {\"fraction_of_max\": a number}");
  }
  o.fraction_of_max = fraction->get<double>();
  if (!(o.fraction_of_max > 0 && o.fraction_of_max <= 1)) {
    throw std::runtime_error(fmt::format("workload '{}': open_loop fraction_of_max {} is not in (0, 1]", workload,
                                         o.fraction_of_max));
  }
  if (j.contains("max_from")) {
    if (!j.at("max_from").is_string()) throw std::runtime_error("workload '" + workload + "': open_loop max_from must name a workload");
    o.max_from = j.at("max_from").get<std::string>();
    const std::string of = j.value("of", "own");
    if (of != "own" && of != "lowest") {
      throw std::runtime_error("workload '" + workload + "': open_loop \"of\" is 'own' or 'lowest', not '" + of + "'");
    }
    o.of_lowest = of == "lowest";
  } else if (j.contains("of")) {
    throw std::runtime_error("workload '" + workload + "': open_loop \"of\" needs \"max_from\"");
  }
  return o;
}

// Kinds of cell that exclude each other: a sweep, open loop, a background, idle.
void check_combination(const Workload& w) {
  if (w.background && (w.kind != "load" || w.sweep)) {
    throw std::runtime_error("workload '" + w.name + "': a background load needs kind 'load' and no sweep");
  }
  if (w.open_loop && (w.kind != "load" || w.sweep || w.background)) {
    throw std::runtime_error("workload '" + w.name + "': open_loop needs kind 'load', no sweep and no background");
  }
}

Workload parse_workload(const nlohmann::json& j) {
  Workload w;
  w.name = j.at("name").get<std::string>();
  w.route = j.value("route", w.name);
  w.kind = j.value("kind", "load");
  if (w.kind != "load" && w.kind != "idle") throw std::runtime_error("workload kind must be 'load' or 'idle'");
  w.scenario = j.value("scenario", "");
  if (!w.scenario.empty() && j.contains("requests")) {
    throw std::runtime_error("workload '" + w.name + "': give \"requests\" or \"scenario\", not both");
  }
  if (w.scenario.empty()) w.requests = parse_requests(j.at("requests"));
  w.connections = j.at("connections").get<std::vector<unsigned>>();
  if (j.contains("sweep")) {
    const auto& s = j.at("sweep");
    loadgen::SweepSpec sweep;
    sweep.slo = std::chrono::milliseconds(s.value("slo_ms", 10));
    sweep.step_duration = std::chrono::milliseconds(s.value("step_ms", 2000));
    sweep.max_steps = s.value("max_steps", sweep.max_steps);
    if (sweep.slo.count() <= 0 || sweep.step_duration.count() <= 0) throw std::runtime_error("bad sweep settings");
    w.sweep = sweep;
  }
  if (j.contains("duration_ms")) {
    w.duration = std::chrono::milliseconds(j.at("duration_ms").get<long long>());
    if (w.duration->count() <= 0) throw std::runtime_error("workload '" + w.name + "': duration_ms must be positive");
  }
  if (j.contains("background")) w.background = parse_background(j.at("background"));
  if (j.contains("open_loop")) w.open_loop = parse_open_loop(j.at("open_loop"), w.name);
  check_combination(w);
  if (w.requests.empty() && w.scenario.empty()) throw std::runtime_error("workload '" + w.name + "' has no requests");
  if (w.connections.empty()) throw std::runtime_error("workload '" + w.name + "' has no connection counts");
  for (unsigned c : w.connections) {
    if (c == 0) throw std::runtime_error("workload '" + w.name + "': connection counts must be positive");
  }
  return w;
}

// An open-loop rate taken from a sweep needs that sweep to run first.
void check_rate_sources(const std::vector<Workload>& workloads) {
  for (std::size_t i = 0; i < workloads.size(); ++i) {
    const auto& o = workloads[i].open_loop;
    if (!o || o->max_from.empty()) continue;
    const auto source = std::find_if(workloads.begin(), workloads.begin() + static_cast<long>(i),
                                     [&](const Workload& w) { return w.name == o->max_from; });
    if (source == workloads.begin() + static_cast<long>(i) || !source->sweep) {
      throw std::runtime_error(fmt::format("workload '{}': open_loop max_from '{}' is not a sweep workload before it",
                                           workloads[i].name, o->max_from));
    }
  }
}

Suite parse_suite(const nlohmann::json& j) {
  Suite s;
  s.name = j.at("name").get<std::string>();
  s.description = j.value("description", "");
  s.servers = j.value("servers", std::vector<std::string>{});
  for (const auto& w : j.at("workloads")) s.workloads.push_back(parse_workload(w));
  s.duration = std::chrono::milliseconds(j.value("duration_ms", 3000));
  s.warmup = std::chrono::milliseconds(j.value("warmup_ms", 1000));
  s.repetitions = j.value("repetitions", 3u);
  s.count_allocations = j.value("count_allocations", false);
  s.max_repetitions = j.value("max_repetitions", s.repetitions);
  if (j.contains("time_budget_ms")) s.time_budget = std::chrono::milliseconds(j.at("time_budget_ms").get<long long>());
  if (s.workloads.empty()) throw std::runtime_error("no workloads");
  check_rate_sources(s.workloads);
  if (s.max_repetitions < s.repetitions) throw std::runtime_error("max_repetitions is less than repetitions");
  if (s.time_budget && s.time_budget->count() <= 0) throw std::runtime_error("time_budget_ms must be positive");
  if (s.duration.count() <= 0 || s.repetitions == 0) throw std::runtime_error("duration and repetitions must be positive");
  return s;
}

// The scenario's variants become the workload's requests; its setup (preload) its setup.
void expand_workload_scenario(Workload& w, const fs::path& source_dir) {
  auto loaded = loadgen::load_scenario(source_dir / w.scenario);
  if (const auto* error = std::get_if<std::string>(&loaded)) throw std::runtime_error(*error);
  const auto expanded = loadgen::expand_scenario(std::get<loadgen::Scenario>(loaded));
  const auto to_request = [](const loadgen::RenderedRequest& r) {
    return WorkloadRequest{r.method, r.target, r.headers, r.body, r.content_type, r.weight};
  };
  for (const auto& v : expanded.variants) w.requests.push_back(to_request(v));
  for (const auto& s : expanded.setup) w.setup.push_back(to_request(s));
}

}  // namespace

Suite load_suite(const std::string& name_or_path, const fs::path& source_dir) {
  fs::path file = name_or_path;
  if (file.extension() != ".json") file = source_dir / "suites" / (name_or_path + ".json");
  std::ifstream in(file);
  if (!in) throw std::runtime_error("no suite '" + name_or_path + "' (looked for " + file.string() + ")");
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error(file.string() + ": not valid JSON");
  try {
    Suite suite = parse_suite(j);
    for (auto& w : suite.workloads) {
      if (!w.scenario.empty()) expand_workload_scenario(w, source_dir);
    }
    return suite;
  } catch (const std::exception& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

void keep_workloads(Suite& suite, const std::vector<std::string>& names) {
  if (names.empty()) return;
  std::string known;
  for (const auto& w : suite.workloads) known += (known.empty() ? "" : ", ") + w.name;
  for (const auto& name : names) {
    const bool found = std::any_of(suite.workloads.begin(), suite.workloads.end(),
                                   [&](const Workload& w) { return w.name == name; });
    if (!found) throw std::runtime_error(fmt::format("suite '{}' has no workload '{}' (it has: {})", suite.name, name, known));
  }
  std::erase_if(suite.workloads, [&](const Workload& w) {
    return std::find(names.begin(), names.end(), w.name) == names.end();
  });
}

std::string raw_request(const WorkloadRequest& r, const std::string& host_port) {
  std::string out = fmt::format("{} {} HTTP/1.1\r\nHost: {}\r\n", r.method, r.path, host_port);
  for (const auto& h : r.headers) out += h + "\r\n";
  if (!r.body.empty() || r.method == "POST" || r.method == "PUT") {
    if (!r.content_type.empty()) out += "Content-Type: " + r.content_type + "\r\n";
    out += fmt::format("Content-Length: {}\r\n", r.body.size());
  }
  out += "\r\n";
  out += r.body;
  return out;
}

}  // namespace apibench::runner
