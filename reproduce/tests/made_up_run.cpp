#include "reproduce/tests/made_up_run.hpp"

#include <iterator>

namespace apibench::reproduce::testing {
using nlohmann::json;

json load_cell(const std::string& server, const std::string& workload, unsigned connections, const std::vector<Rep>& reps) {
  json list = json::array();
  for (const auto& r : reps) {
    const double requests = r.requests > 0 ? r.requests : r.rps * 2;
    list.push_back({{"requests", requests},
                    {"requests_per_second", r.rps},
                    {"timeline", json::array({{{"requests", r.rps}, {"errors", 0}, {"p99_us", r.p99_us}},
                                              {{"requests", r.rps}, {"errors", 0}, {"p99_us", r.p99_us * 1.1}}})},
                    {"latency", {{"p50_us", r.p50_us}, {"p99_us", r.p99_us}, {"p999_us", r.p999_us}, {"max_us", r.max_us}}},
                    {"errors", {{"connect", 0}, {"read", 0}, {"write", 0}, {"timeout", 0}, {"bad_response", 0}}},
                    {"status_classes", {0, 0, requests, 0, 0, 0}},
                    {"server", {{"cpu_us_per_request", r.cpu_us}, {"rss_peak_bytes", r.rss_bytes},
                                {"allocations_per_request", r.allocs ? json(*r.allocs) : json()}}}});
  }
  return {{"server", server}, {"workload", workload}, {"connections", connections}, {"status", "ok"}, {"repetitions", list}};
}

json sweep_cell(const std::string& server, const std::string& workload, std::optional<double> max_rate) {
  json steps = json::array();
  if (max_rate) steps.push_back({{"rate", *max_rate}, {"met", true}, {"latency", {{"p50_us", 100}, {"p99_us", 900}}}});
  return {{"server", server}, {"workload", workload}, {"connections", 64}, {"status", "ok"}, {"repetitions", json::array()},
          {"sweep", {{"probe_requests_per_second", max_rate.value_or(0) * 1.1},
                     {"max_rate", max_rate ? json(*max_rate) : json()}, {"steps", steps}}}};
}

json idle_cell(const std::string& server, double bytes_per_connection) {
  return {{"server", server}, {"workload", "idle-10k"}, {"connections", 10000}, {"status", "ok"},
          {"repetitions", json::array()},
          {"idle", {{"asked", 10000}, {"answered", 10000}, {"rss_per_connection_bytes", bytes_per_connection}}}};
}

json failed_cell(const std::string& server, const std::string& workload, const std::string& error) {
  return {{"server", server}, {"workload", workload}, {"connections", 64}, {"status", "failed"}, {"error", error},
          {"repetitions", json::array()}};
}

json run_json(const std::vector<json>& cells, unsigned repetitions) {
  return {{"schema", "apibench.run/1"}, {"suite", "claims"}, {"started", "20261124T040000Z"}, {"complete", true},
          {"environment", {{"git_commit", "abc123"}, {"git_dirty", false}, {"cpu_model", "Test CPU"}, {"kernel", "6.1"}}},
          {"pinning", {{"server_cpus", {0}}, {"load_cpus", {1}}}}, {"duration_ms", 2000}, {"warmup_ms", 500},
          {"repetitions", repetitions}, {"warnings", json::array()}, {"cells", cells}};
}

std::vector<Rep> reps_with_cpu(double base, std::optional<double> allocs, unsigned repetitions) {
  // In pairs around 1, so an even count has its median at base exactly; no two alike (the exact test needs no ties).
  constexpr double kFactors[] = {1.005, 0.995, 1.01, 0.99, 1.002, 0.998, 1.008, 0.992};
  std::vector<Rep> reps;
  for (unsigned i = 0; i < repetitions; ++i) {
    Rep r;
    r.cpu_us = base * kFactors[i % std::size(kFactors)];
    r.allocs = allocs;
    reps.push_back(r);
  }
  return reps;
}

json made_up_run(const std::vector<MadeUpServer>& servers, unsigned repetitions) {
  std::vector<json> cells;
  for (const auto& s : servers) {
    std::vector<Rep> json_reps = reps_with_cpu(s.cpu, s.allocs, repetitions);
    for (auto& r : json_reps) r.rss_bytes = s.cpu * (1 << 20);
    cells.push_back(load_cell(s.name, "json", 64, json_reps));
    cells.push_back(load_cell(s.name, "orders", 64, reps_with_cpu(s.cpu * 2, s.allocs, repetitions)));
    cells.push_back(load_cell(s.name, "cache", 16, reps_with_cpu(s.cpu, s.allocs, repetitions)));
    cells.push_back(sweep_cell(s.name, "json-sweep", s.max_rate));
    cells.push_back(sweep_cell(s.name, "orders-sweep", s.max_rate / 2));
    cells.push_back(idle_cell(s.name, s.cpu * 1000));
  }
  return run_json(cells, repetitions);
}

json four_server_run(unsigned repetitions) {
  return made_up_run({{"rust-style", 10, 0.0, 80000},
                      {"go-style", 20, 22.0, 40000},
                      {"rust-hyper", 12, 7.0, 60000},
                      {"go-nethttp", 18, std::nullopt, 30000}},
                     repetitions);
}

}  // namespace apibench::reproduce::testing
