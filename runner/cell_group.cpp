#include "runner/cell_group.hpp"

#include <memory>
#include <optional>

#include "runner/cell_server.hpp"
#include "runner/load_cell.hpp"

namespace apibench::runner {
namespace {

// One server of the group: its cell, its process while it runs, and its load.
struct Contender {
  const PlannedCell* planned;
  CellResult cell;
  std::unique_ptr<CellServer> server;  // null once it failed or stopped
  std::unique_ptr<LoadCellRun> run;
  bool taking = false;  // still takes repetitions
};

void fail(const CellContext& ctx, Contender& c, const std::string& why) {
  c.cell.ok = false;
  c.cell.error = ctx.stopped() ? "interrupted: " + why : why;
  c.taking = false;
  if (c.server) c.server->stop(ctx, c.cell);
  c.server.reset();
}

void start(const CellContext& ctx, Contender& c) {
  const PlannedCell& p = *c.planned;
  try {
    c.server = std::make_unique<CellServer>(ctx, *p.server, *p.workload, p.connections);
    c.run = std::make_unique<LoadCellRun>(ctx, c.server->running(), *p.workload, p.connections, c.cell);
    c.taking = true;
  } catch (const std::exception& e) {
    fail(ctx, c, e.what());
  }
}

void take_turn(const CellContext& ctx, Contender& c, unsigned round) {
  try {
    if (!c.cell.repetitions.empty()) c.run->rewarm();
    c.taking = c.run->take_repetition(round);
  } catch (const std::exception& e) {
    fail(ctx, c, e.what());
  }
}

void finish(const CellContext& ctx, Contender& c) {
  if (!c.server) {  // skipped or failed already, with the reason; or never started
    if (!c.cell.skipped && c.cell.error.empty()) c.cell.error = "interrupted before its server started";
    return;
  }
  c.run->finish();
  c.server->stop(ctx, c.cell);
  c.server.reset();
}

}  // namespace

std::size_t turn_of(std::size_t round, std::size_t k, std::size_t n) { return (round + k) % n; }

std::vector<CellResult> run_cell_group(const CellContext& ctx, const std::vector<const PlannedCell*>& cells,
                                       const TurnStarted& turn_started) {
  std::vector<Contender> group;
  group.reserve(cells.size());  // the load runs keep references to their cells: no reallocation
  for (const PlannedCell* p : cells) {
    group.push_back({p, CellResult(p->server->name, p->workload->name, p->connections), nullptr, nullptr, false});
  }
  std::vector<Contender*> running;
  for (auto& c : group) {
    if (!c.planned->skip_reason.empty()) {
      c.cell = skipped_cell(*c.planned);
      continue;
    }
    if (!ctx.stopped()) start(ctx, c);
    if (c.taking) running.push_back(&c);
  }
  for (unsigned round = 0; round < ctx.repetitions && !ctx.stopped(); ++round) {
    for (std::size_t k = 0; k < running.size() && !ctx.stopped(); ++k) {
      Contender& c = *running[turn_of(round, k, running.size())];
      if (!c.taking) continue;
      turn_started(*c.planned, round + 1);
      take_turn(ctx, c, round + 1);
    }
  }
  for (auto& c : group) finish(ctx, c);
  std::vector<CellResult> results;
  for (auto& c : group) results.push_back(std::move(c.cell));
  return results;
}

}  // namespace apibench::runner
