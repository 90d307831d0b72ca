#include "runner/run_plan.hpp"

#include <algorithm>
#include <stdexcept>

#include "runner/load_cell.hpp"
#include "runner/server_build.hpp"

namespace apibench::runner {
namespace {

// An idle cell opens its connections and reads the server's RSS: a few seconds.
constexpr std::chrono::milliseconds kIdleCellGuess{3000};

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

std::string skip_reason(const ServerManifest& server, const Workload& w, const Placeholders& paths) {
  std::string why = unavailable_reason(server, paths);
  if (!why.empty()) return why;
  if (!server.serves(w.route)) return "does not serve route '" + w.route + "'";
  if (w.background && !server.serves(w.background->route)) {
    return "does not serve the background's route '" + w.background->route + "'";
  }
  return {};
}

std::chrono::milliseconds nominal_time(const Workload& w, const CellContext& ctx) {
  if (w.kind == "idle") return kIdleCellGuess;
  if (w.sweep) return w.sweep->step_duration * (1 + w.sweep->max_steps);  // the probe and, at most, every step
  const unsigned probe = w.open_loop ? 1 : 0;  // an open-loop cell's closed-loop probe takes one more window
  const auto rewarms = std::min(ctx.warmup, kTurnWarmup) * (ctx.repetitions > 0 ? ctx.repetitions - 1 : 0);
  return ctx.warmup + rewarms + measured_window(ctx, w) * (ctx.repetitions + probe);
}

}  // namespace

RunPlan make_plan(const RunOptions& o, const Suite& suite) {
  RunPlan plan;
  plan.manifests = load_manifests_from(o.servers_dir.empty() ? o.source_dir / "servers" : o.servers_dir);
  for (const auto& e : plan.manifests.errors) plan.manifest_errors.push_back(e.path.string() + ": " + e.message);
  plan.servers = select_servers(plan.manifests, o.servers.empty() ? suite.servers : o.servers);
  Placeholders paths{o.build_dir, o.source_dir};
  // Workload-major: the servers' cells of one workload and connection count sit
  // together, as the group that runs side by side (runner/cell_group.hpp).
  for (const Workload& w : suite.workloads) {
    for (unsigned connections : w.connections) {
      for (const ServerManifest* server : plan.servers) {
        plan.cells.push_back({server, &w, connections, skip_reason(*server, w, paths)});
      }
    }
  }
  return plan;
}

std::vector<std::chrono::milliseconds> nominal_times(const RunPlan& plan, const CellContext& ctx) {
  std::vector<std::chrono::milliseconds> times;
  for (const auto& p : plan.cells) {
    times.push_back(p.skip_reason.empty() ? nominal_time(*p.workload, ctx) : std::chrono::milliseconds{0});
  }
  return times;
}

CellResult skipped_cell(const PlannedCell& p) {
  CellResult c(p.server->name, p.workload->name, p.connections);
  c.skipped = true;
  c.error = p.skip_reason;
  return c;
}

bool runs_side_by_side(const PlannedCell& p) { return p.workload->kind != "idle" && !p.workload->sweep; }

std::size_t group_end(const RunPlan& plan, std::size_t first) {
  const PlannedCell& head = plan.cells.at(first);
  std::size_t end = first + 1;
  if (!runs_side_by_side(head)) return end;
  while (end < plan.cells.size() && plan.cells[end].workload == head.workload &&
         plan.cells[end].connections == head.connections) {
    ++end;
  }
  return end;
}

nlohmann::json server_builds_json(const RunPlan& plan, const Placeholders& paths) {
  nlohmann::json servers = nlohmann::json::object();
  for (const ServerManifest* m : plan.servers) {
    if (!unavailable_reason(*m, paths).empty()) continue;
    servers[m->name] = to_json(describe_server_build(*m, paths));
  }
  return servers;
}

}  // namespace apibench::runner
