#include "runner/run_suite.hpp"

#include <signal.h>

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

#include "runner/environment.hpp"
#include "runner/results.hpp"
#include "runner/summary_table.hpp"

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

volatile std::sig_atomic_t g_interrupted = 0;

void on_signal(int) { g_interrupted = 1; }

// Ctrl-C and SIGTERM end the run after the current repetition; what finished is kept.
void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

std::vector<const ServerManifest*> select_servers(const ManifestSet& set, const std::vector<std::string>& names) {
  std::vector<const ServerManifest*> chosen;
  if (names.empty()) {
    for (const auto& m : set.servers) chosen.push_back(&m);
    return chosen;
  }
  for (const auto& name : names) {
    auto it = std::find_if(set.servers.begin(), set.servers.end(), [&](const auto& m) { return m.name == name; });
    if (it == set.servers.end()) {
      std::string known;
      for (const auto& m : set.servers) known += (known.empty() ? "" : ", ") + m.name;
      throw std::runtime_error("no server named '" + name + "' (known: " + known + ")");
    }
    chosen.push_back(&*it);
  }
  return chosen;
}

CellResult skipped_cell(const ServerManifest& m, const Workload& w, unsigned connections, std::string why) {
  CellResult c(m.name, w.name, connections);
  c.skipped = true;
  c.error = std::move(why);
  return c;
}

struct RunRecord {
  fs::path dir;
  nlohmann::json doc;

  void save(const std::vector<CellResult>& cells, bool complete) {
    doc["complete"] = complete;
    doc["finished"] = utc_timestamp();
    doc["cells"] = nlohmann::json::array();
    for (const auto& c : cells) doc["cells"].push_back(to_json(c));
    write_file_atomically(dir / "run.json", doc.dump(2) + "\n");
  }
};

}  // namespace

RunOutcome run_suite(const RunOptions& o) {
  Suite suite;
  std::vector<const ServerManifest*> servers;
  ManifestSet manifests = load_manifests(o.source_dir);
  try {
    suite = load_suite(o.suite, o.source_dir);
    servers = select_servers(manifests, o.servers.empty() ? suite.servers : o.servers);
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench run: {}\n", e.what());
    return {2, {}};
  }
  for (const auto& e : manifests.errors) fmt::print(stderr, "warning: manifest {}: {}\n", e.path.string(), e.message);

  CellContext ctx;
  ctx.paths = {o.build_dir, o.source_dir};
  ctx.pinning = choose_pinning(allowed_cpus(), o.server_cpus, o.load_cpus);
  ctx.duration = o.duration.value_or(suite.duration);
  ctx.warmup = o.warmup.value_or(suite.warmup);
  ctx.repetitions = o.repetitions.value_or(suite.repetitions);
  ctx.interrupted = &g_interrupted;
  if (o.count_allocations || suite.count_allocations) {
    ctx.alloc_preload = o.build_dir / "alloccount" / "libapibench-alloccount.so";
  }

  Environment env = capture_environment(o.source_dir, o.argv);
  std::vector<std::string> warnings = environment_warnings(env);
  warnings.insert(warnings.end(), ctx.pinning.warnings.begin(), ctx.pinning.warnings.end());
  if (ctx.duration < std::chrono::seconds(2)) warnings.push_back("measured windows under 2 s are noisy");

  RunRecord record{create_run_dir(o.results_root, suite.name), {}};
  ctx.log_dir = record.dir / "logs";
  fs::create_directories(ctx.log_dir);
  record.doc = {{"schema", kRunSchema},
                {"suite", suite.name},
                {"started", utc_timestamp()},
                {"environment", to_json(env)},
                {"pinning", {{"server_cpus", ctx.pinning.server}, {"load_cpus", ctx.pinning.load}}},
                {"duration_ms", ctx.duration.count()},
                {"warmup_ms", ctx.warmup.count()},
                {"repetitions", ctx.repetitions},
                {"warnings", warnings}};

  fmt::print("apibench run: suite '{}', server on CPUs {}, load on CPUs {}, {} x {} ms per cell\n", suite.name,
             format_cpu_list(ctx.pinning.server), format_cpu_list(ctx.pinning.load), ctx.repetitions,
             ctx.duration.count());
  for (const auto& w : warnings) fmt::print("warning: {}\n", w);
  std::fflush(stdout);

  install_interrupt_handlers();
  std::vector<CellResult> cells;
  bool failed = false;
  for (const ServerManifest* server : servers) {
    for (const Workload& w : suite.workloads) {
      for (unsigned connections : w.connections) {
        if (g_interrupted) break;
        std::string why = unavailable_reason(*server, ctx.paths);
        if (why.empty() && !server->serves(w.route)) why = "does not serve route '" + w.route + "'";
        cells.push_back(why.empty() ? run_cell(ctx, *server, w, connections)
                                    : skipped_cell(*server, w, connections, why));
        failed |= !cells.back().ok && !cells.back().skipped;
        save_histograms(record.dir, cells.back());
        fmt::print("  {}\n", format_cell_line(cells.back()));
        std::fflush(stdout);
        record.save(cells, false);
      }
    }
  }
  bool complete = !g_interrupted;
  bool any_ran = std::any_of(cells.begin(), cells.end(), [](const CellResult& c) { return c.ok; });
  record.save(cells, complete);
  fmt::print("\n{}\n", format_summary_table(cells));
  if (!complete) fmt::print("interrupted: the finished cells are kept\n");
  if (!any_ran) fmt::print(stderr, "apibench run: no cell ran; see the reasons above\n");
  fmt::print("results: {}\n", record.dir.string());
  return {failed || !complete || !any_ran ? 1 : 0, record.dir};
}

}  // namespace apibench::runner
