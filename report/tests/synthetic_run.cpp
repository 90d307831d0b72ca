#include "report/tests/synthetic_run.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

#include "runner/cell.hpp"
#include "runner/results.hpp"

namespace apibench::report::testing {
namespace fs = std::filesystem;
namespace {

// <x&y> disagrees with itself by 30%: a noisy cell.
double repetition_factor(const std::string& server, int repetition) {
  constexpr double steady[] = {1.0, 1.01, 0.99};
  constexpr double noisy[] = {1.0, 1.2, 0.9};
  return server == "<x&y>" ? noisy[repetition] : steady[repetition];
}

double base_rps(const std::string& server, unsigned connections) {
  double base = server == "rust-style" ? 100000 : server == "go-style" ? 80000 : 50000;
  return connections == 16 ? base : base * 1.2;
}

// 990 fast answers, 9 slow ones, 1 very slow: p50 = base, p99.9 = 10 x base, max = 100 x base.
LatencyHistogram latencies(std::uint64_t base_ns) {
  LatencyHistogram h;
  h.record_n(base_ns, 990);
  h.record_n(10 * base_ns, 9);
  h.record(100 * base_ns);
  return h;
}

runner::Repetition repetition(const std::string& server, unsigned connections, int r) {
  runner::Repetition rep;
  const double rps = synthetic_rps(server, connections, r);
  rep.load.requests = static_cast<std::uint64_t>(rps);
  rep.load.elapsed = std::chrono::seconds(1);
  rep.load.latency = latencies(server == "rust-style" ? 50000 : 80000);
  rep.load.status_classes[2] = rep.load.requests;
  rep.load.errors.timeout = server == "go-style" ? 1 : 0;
  for (int s = 0; s < 3; ++s) rep.load.timeline.push_back({rep.load.requests / 3, 0, 400000u + 1000u * s});
  rep.server.cpu_seconds = 0.8;
  rep.server.cpu_us_per_request = server == "rust-style" ? 8.0 + r : 12.5;
  rep.server.rss_peak_bytes = (server == "rust-style" ? 20 : 40) << 20;
  rep.server.rss_mean_bytes = rep.server.rss_peak_bytes;
  rep.server.threads = 2;
  if (server == "rust-style") rep.server.allocations_per_request = 0.0;
  if (server == "go-style") rep.server.allocations_per_request = 3.5;
  return rep;
}

runner::CellResult measured(const std::string& server, const std::string& workload, unsigned connections) {
  runner::CellResult c(server, workload, connections);
  c.ok = true;
  c.server_exit = "exit 0";
  for (int r = 0; r < 3; ++r) c.repetitions.push_back(repetition(server, connections, r));
  return c;
}

runner::CellResult idle(const std::string& server) {
  runner::CellResult c(server, "idle-1k", 1000);
  c.ok = true;
  c.server_exit = "exit 0";
  const std::uint64_t per_connection = server == "rust-style" ? 2048 : 8192;
  c.idle = runner::IdleMeasurement{1000, 1000, 10u << 20, (10u << 20) + 1000 * per_connection, ""};
  return c;
}

std::vector<runner::CellResult> cells() {
  std::vector<runner::CellResult> out;
  for (const char* server : {"rust-style", "go-style", "<x&y>"}) {
    out.push_back(measured(server, "json", 16));
    out.push_back(measured(server, "json", 64));
  }
  out.push_back(measured("rust-style", "cache", 64));
  runner::CellResult failed("go-style", "cache", 64);
  failed.error = "exited (exit 1) before ready";
  failed.server_exit = "exit 1";
  out.push_back(failed);
  runner::CellResult skipped("<x&y>", "cache", 64);
  skipped.skipped = true;
  skipped.error = "does not serve route '/cache'";
  out.push_back(skipped);
  out.push_back(idle("rust-style"));
  out.push_back(idle("go-style"));
  return out;
}

nlohmann::json run_document(const SyntheticOptions& options) {
  return {{"schema", runner::kRunSchema},
          {"suite", "synthetic"},
          {"started", "20261124T011805Z"},
          {"finished", "20261124T012805Z"},
          {"complete", options.complete},
          {"environment",
           {{"git_commit", "0123456789abcdef"}, {"git_dirty", true}, {"compiler", "g++ 12.2.0"},
            {"build_type", "Release"}, {"cxx_flags", "-O3 -DNDEBUG"}, {"cpu_model", "Test CPU @ 3.0GHz"},
            {"cpu_count", 2}, {"kernel", "Linux 6.1.0"}, {"hostname", "bench-host"}, {"governor", "powersave"},
            {"command_line", "apibench run --suite synthetic"}}},
          {"pinning", {{"server_cpus", {0}}, {"load_cpus", {1}}}},
          {"duration_ms", 1000},
          {"warmup_ms", 500},
          {"repetitions", 3},
          {"warnings", {"CPU frequency governor is 'powersave', not 'performance'"}}};
}

}  // namespace

double synthetic_rps(const std::string& server, unsigned connections, int repetition) {
  return std::round(base_rps(server, connections) * repetition_factor(server, repetition));
}

nlohmann::json write_synthetic_run(const fs::path& run_dir, const SyntheticOptions& options) {
  fs::create_directories(run_dir);
  nlohmann::json doc = run_document(options);
  doc["cells"] = nlohmann::json::array();
  for (const auto& c : cells()) {
    runner::save_histograms(run_dir, c);
    doc["cells"].push_back(runner::to_json(c));
  }
  runner::write_file_atomically(run_dir / "run.json", doc.dump(2) + "\n");
  return doc;
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace apibench::report::testing
