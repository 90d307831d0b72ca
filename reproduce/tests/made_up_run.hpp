#pragma once
// Made-up run.json documents (schema apibench.run/1, the fields docs/results.md lists)
// with known numbers, so verdicts and tables can be checked against known answers.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace apibench::reproduce::testing {

struct Rep {
  double rps = 1000, cpu_us = 10, p50_us = 100, p99_us = 500, p999_us = 1000, max_us = 2000;
  std::optional<double> allocs;
  double requests = 0;  // 0: rps x 2 s
  double rss_bytes = 10 << 20;
};

nlohmann::json load_cell(const std::string& server, const std::string& workload, unsigned connections,
                         const std::vector<Rep>& reps);
nlohmann::json sweep_cell(const std::string& server, const std::string& workload, std::optional<double> max_rate);
nlohmann::json idle_cell(const std::string& server, double bytes_per_connection);
nlohmann::json failed_cell(const std::string& server, const std::string& workload, const std::string& error);
nlohmann::json run_json(const std::vector<nlohmann::json>& cells, unsigned repetitions = 4);

// Four repetitions by default, the fewest a verdict can be decided with: CPU us/request at
// base x {1.005, 0.995, 1.01, 0.99, ...} (median base, min-max 0.99-1.01 x base from 4 on)
// and everything else fixed.
std::vector<Rep> reps_with_cpu(double base, std::optional<double> allocs = std::nullopt, unsigned repetitions = 4);

struct MadeUpServer {
  std::string name;
  double cpu = 10;  // us/request on json (orders twice that); also MiB of peak RSS, and 1000 x bytes per idle connection
  std::optional<double> allocs;
  double max_rate = 10000;  // json sweep maximum (orders half that)
};

// Each server with json, orders, cache, sweeps and idle cells.
nlohmann::json made_up_run(const std::vector<MadeUpServer>& servers, unsigned repetitions = 4);

// The four servers of the decomposition: rust-style twice as cheap as go-style,
// rust-hyper 1.5x cheaper than go-nethttp.
nlohmann::json four_server_run(unsigned repetitions = 4);

}  // namespace apibench::reproduce::testing
