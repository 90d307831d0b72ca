#include "runner/cell_group.hpp"

#include <memory>
#include <optional>

#include "runner/cell_server.hpp"
#include "runner/evidence.hpp"
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

void start(const CellContext& ctx, Contender& c, const std::map<std::string, SweepMaximum>& sweep_maxima) {
  const PlannedCell& p = *c.planned;
  std::optional<SweepMaximum> from_sweep;
  if (auto it = sweep_maxima.find(p.server->name); it != sweep_maxima.end()) from_sweep = it->second;
  try {
    c.server = std::make_unique<CellServer>(ctx, *p.server, *p.workload, p.connections);
    c.run = std::make_unique<LoadCellRun>(ctx, c.server->running(), *p.workload, p.connections, c.cell, from_sweep);
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

std::vector<UndecidedPair> undecided_in(const std::vector<Contender*>& running) {
  std::vector<const CellResult*> cells;
  for (const Contender* c : running) {
    if (c->taking) cells.push_back(&c->cell);
  }
  return undecided_pairs(cells);
}

// More rounds while a pair is undecided and the next round fits the allowance
// (judged by the longest round so far); each cell then keeps what is left undecided.
template <typename TakeRound>
void add_rounds(const CellContext& ctx, const AddedRounds& added, const std::vector<Contender*>& running,
                unsigned rounds, TakeRound take_round) {
  using Clock = std::chrono::steady_clock;
  if (running.empty()) return;
  std::vector<UndecidedPair> undecided = undecided_in(running);
  // Before any added round is timed: one window per server.
  std::chrono::milliseconds longest =
      measured_window(ctx, *running.front()->planned->workload) * static_cast<long>(running.size());
  std::chrono::milliseconds used{0};
  unsigned extra = 0;
  while (!undecided.empty() && rounds + extra < added.max_repetitions && !ctx.stopped() &&
         used + longest <= added.allowance) {
    const auto start = Clock::now();
    take_round(rounds + extra);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    used += took;
    longest = extra == 0 ? took : std::max(longest, took);
    ++extra;
    undecided = undecided_in(running);
  }
  for (Contender* c : running) {
    c->cell.added_rounds = extra;
    for (const auto& u : undecided) {
      if (u.a == c->cell.server || u.b == c->cell.server) c->cell.undecided.push_back(u.text);
    }
  }
}

}  // namespace

std::size_t turn_of(std::size_t round, std::size_t k, std::size_t n) { return (round + k) % n; }

std::vector<CellResult> run_cell_group(const CellContext& ctx, const std::vector<const PlannedCell*>& cells,
                                       const AddedRounds& added, const std::map<std::string, SweepMaximum>& sweep_maxima,
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
    if (!ctx.stopped()) start(ctx, c, sweep_maxima);
    if (c.taking) running.push_back(&c);
  }
  auto take_round = [&](unsigned round) {
    for (std::size_t k = 0; k < running.size() && !ctx.stopped(); ++k) {
      Contender& c = *running[turn_of(round, k, running.size())];
      if (!c.taking) continue;
      turn_started(*c.planned, round + 1);
      take_turn(ctx, c, round + 1);
    }
  };
  unsigned rounds = 0;
  for (; rounds < ctx.repetitions && !ctx.stopped(); ++rounds) take_round(rounds);
  add_rounds(ctx, added, running, rounds, take_round);
  for (auto& c : group) finish(ctx, c);
  std::vector<CellResult> results;
  for (auto& c : group) results.push_back(std::move(c.cell));
  return results;
}

}  // namespace apibench::runner
