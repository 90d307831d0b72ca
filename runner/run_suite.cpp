#include "runner/run_suite.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

#include "runner/cell_group.hpp"
#include "runner/environment.hpp"
#include "runner/progress.hpp"
#include "runner/results.hpp"
#include "runner/round_budget.hpp"
#include "runner/run_plan.hpp"
#include "runner/run_record.hpp"
#include "runner/stop_signal.hpp"
#include "runner/summary_table.hpp"

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

// What run.json says while cells remain: a runner killed outright leaves it so.
constexpr const char* kRunInProgress = "the run had not finished when this was written";

CellContext make_context(const RunOptions& o, const Suite& suite) {
  CellContext ctx;
  ctx.paths = {o.build_dir, o.source_dir};
  ctx.pinning = choose_pinning(allowed_cpus(), o.server_cpus, o.load_cpus);
  ctx.duration = o.duration.value_or(suite.duration);
  ctx.duration_from_command_line = o.duration.has_value();
  ctx.warmup = o.warmup.value_or(suite.warmup);
  ctx.repetitions = o.repetitions.value_or(suite.repetitions);
  ctx.ready_timeout = o.ready_timeout;
  ctx.stop = &stop_flag();
  if (o.count_allocations || suite.count_allocations) {
    ctx.alloc_preload = o.build_dir / "alloccount" / "libapibench-alloccount.so";
  }
  return ctx;
}

std::vector<std::string> run_warnings(const Environment& env, const CellContext& ctx) {
  std::vector<std::string> warnings = environment_warnings(env);
  warnings.insert(warnings.end(), ctx.pinning.warnings.begin(), ctx.pinning.warnings.end());
  if (ctx.duration < std::chrono::seconds(2)) {
    warnings.push_back(fmt::format("measured windows of {} ms (under 2 s per repetition) are noisy", ctx.duration.count()));
  }
  if (!ctx.alloc_preload.empty() && !std::filesystem::exists(ctx.alloc_preload)) {
    warnings.push_back(fmt::format("allocations per request asked for, but {} is not built (target apibench-alloccount): "
                                   "no server's allocations are counted",
                                   ctx.alloc_preload.string()));
  }
  return warnings;
}

// Rounds past the suite's repetitions, and the time they may fill (docs/suites.md, "Evidence").
struct EvidenceSettings {
  unsigned max_repetitions = 0;
  std::optional<std::chrono::milliseconds> time_budget;
};

EvidenceSettings evidence_settings(const RunOptions& o, const Suite& suite, const CellContext& ctx) {
  return {std::max(ctx.repetitions, o.max_repetitions.value_or(suite.max_repetitions)),
          o.time_budget ? o.time_budget : suite.time_budget};
}

nlohmann::json run_header(const Suite& suite, const CellContext& ctx, const EvidenceSettings& evidence,
                          const Environment& env, const RunPlan& plan, const std::vector<std::string>& warnings) {
  return {{"schema", kRunSchema},
          {"suite", suite.name},
          {"started", utc_timestamp()},
          {"environment", to_json(env)},
          {"servers", server_builds_json(plan, ctx.paths)},
          {"pinning", {{"server_cpus", ctx.pinning.server}, {"load_cpus", ctx.pinning.load}}},
          {"duration_ms", ctx.duration.count()},
          {"warmup_ms", ctx.warmup.count()},
          {"repetitions", ctx.repetitions},
          {"max_repetitions", evidence.max_repetitions},
          {"time_budget_ms", evidence.time_budget ? nlohmann::json(evidence.time_budget->count()) : nlohmann::json()},
          {"warnings", warnings}};
}

std::string cell_label(const PlannedCell& p) {
  std::string label = fmt::format("{} {} c={}", p.server->name, p.workload->name, p.connections);
  if (p.workload->background) {
    label += fmt::format(" + background {} c={}", p.workload->background->route, p.workload->background->connections);
  }
  if (const auto& o = p.workload->open_loop) {
    label += o->max_from.empty() ? fmt::format(" open loop at {:.0f}% of its max", o->fraction_of_max * 100)
                                 : fmt::format(" open loop at {:.0f}% of {} max of {}", o->fraction_of_max * 100,
                                               o->of_lowest ? "the lowest" : "its", o->max_from);
  }
  return label;
}

std::string group_label(const PlannedCell& p, std::size_t servers) {
  return fmt::format("{} c={}, {} servers side by side", p.workload->name, p.connections, servers);
}

// Runs the plan's cells in order, a group of side-by-side cells at a time,
// saving run.json after each group, until the end, a stop signal, or a
// results file that cannot be written.
struct CellLoopEnd {
  std::vector<CellResult> cells;
  std::string write_error;  // set when the results folder could not be written
};

// For a workload whose open-loop rate comes from a sweep: each server's maximum, from the cells done.
std::map<std::string, SweepMaximum> maxima_for(const std::vector<const PlannedCell*>& cells,
                                               const std::vector<CellResult>& done) {
  const auto& open_loop = cells.front()->workload->open_loop;
  if (!open_loop || open_loop->max_from.empty()) return {};
  std::vector<std::string> servers;
  for (const PlannedCell* p : cells) servers.push_back(p->server->name);
  return sweep_maxima(*open_loop, servers, done);
}

std::vector<CellResult> run_group(const CellContext& ctx, const RunPlan& plan, std::size_t first, std::size_t end,
                                  const AddedRoundBudget& budget, const std::vector<CellResult>& done,
                                  Progress& progress) {
  const PlannedCell& head = plan.cells[first];
  if (end == first + 1 && !runs_side_by_side(head)) {
    progress.start_cell(first, cell_label(head));
    return {head.skip_reason.empty() ? run_cell(ctx, *head.server, *head.workload, head.connections)
                                     : skipped_cell(head)};
  }
  std::vector<const PlannedCell*> cells;
  for (std::size_t i = first; i < end; ++i) cells.push_back(&plan.cells[i]);
  progress.start_cells(first, cells.size(), "starting " + group_label(head, cells.size()));
  const AddedRounds added = budget.for_group(first, end);
  return run_cell_group(ctx, cells, added, maxima_for(cells, done), [&](const PlannedCell& p, unsigned round) {
    progress.relabel(round <= ctx.repetitions
                         ? fmt::format("{}, round {} of {}", cell_label(p), round, ctx.repetitions)
                         : fmt::format("{}, added round {} (undecided pairs)", cell_label(p), round));
  });
}

CellLoopEnd run_cells(const CellContext& ctx, const RunPlan& plan, const AddedRoundBudget& budget, RunRecord& record,
                      Progress& progress) {
  CellLoopEnd end;
  for (std::size_t first = 0; first < plan.cells.size() && !ctx.stopped();) {
    const std::size_t last = group_end(plan, first);
    std::vector<CellResult> done = run_group(ctx, plan, first, last, budget, end.cells, progress);
    std::vector<std::string> lines;
    for (auto& cell : done) {
      lines.push_back(format_cell_line(cell));
      end.cells.push_back(std::move(cell));
    }
    progress.finish_cells(lines);
    try {
      for (std::size_t i = end.cells.size() - done.size(); i < end.cells.size(); ++i) {
        save_histograms(record.dir(), end.cells[i]);
      }
      record.save(end.cells, kRunInProgress);
    } catch (const std::exception& e) {
      end.write_error = e.what();
      break;
    }
    first = last;
  }
  return end;
}

int exit_code_of(const CellLoopEnd& end) {
  if (!end.write_error.empty()) return kRunResultsUnwritten;
  if (stop_signal() != 0) return stop_exit_code();
  bool any_ran = std::any_of(end.cells.begin(), end.cells.end(), [](const CellResult& c) { return c.ok; });
  bool failed = std::any_of(end.cells.begin(), end.cells.end(), [](const CellResult& c) { return !c.ok && !c.skipped; });
  return failed || !any_ran ? kRunCellFailed : kRunOk;
}

// The last word in run.json: complete, or why not.
void finish_record(RunRecord& record, CellLoopEnd& end) {
  std::string incomplete = stop_signal() ? stop_reason() : "";
  if (!end.write_error.empty()) return;  // nothing more can be written; the last good run.json stays
  try {
    record.save(end.cells, incomplete, /*last=*/true);
  } catch (const std::exception& e) {
    end.write_error = e.what();
  }
}

void print_ending(const CellLoopEnd& end, const fs::path& dir) {
  fmt::print("\n{}\n", format_summary_table(end.cells));
  if (stop_signal()) fmt::print("{}: the finished cells are kept, the run is marked incomplete\n", stop_reason());
  if (!end.write_error.empty()) {
    fmt::print(stderr, "apibench run: cannot write the results: {}\n  the run stopped; what was written before is intact\n",
               end.write_error);
  }
  bool any_ran = std::any_of(end.cells.begin(), end.cells.end(), [](const CellResult& c) { return c.ok; });
  if (!any_ran && !stop_signal()) fmt::print(stderr, "apibench run: no cell ran; see the reasons above\n");
  fmt::print("results: {}\n", dir.string());
  std::fflush(stdout);
}

}  // namespace

RunOutcome run_suite(const RunOptions& o) {
  install_stop_handlers();
  std::optional<RunPlan> plan;
  Suite suite;
  try {
    suite = load_suite(o.suite, o.source_dir);
    keep_workloads(suite, o.workloads);
    plan = make_plan(o, suite);
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench run: {}\n", e.what());
    return {kRunCannotStart, {}};
  }
  for (const auto& e : plan->manifest_errors) fmt::print(stderr, "warning: manifest {}\n", e);
  CellContext ctx = make_context(o, suite);
  const EvidenceSettings evidence = evidence_settings(o, suite, ctx);
  Environment env = capture_environment(o.source_dir, o.argv);
  std::vector<std::string> warnings = run_warnings(env, ctx);
  const std::vector<std::chrono::milliseconds> nominal = nominal_times(*plan, ctx);
  const AddedRoundBudget budget(nominal, evidence.max_repetitions, evidence.time_budget);
  if (auto w = budget.warning()) warnings.push_back(*w);

  std::optional<RunRecord> record;
  try {
    record.emplace(create_run_dir(o.results_root, suite.name), run_header(suite, ctx, evidence, env, *plan, warnings));
    ctx.log_dir = record->dir() / "logs";
    fs::create_directories(ctx.log_dir);
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench run: cannot create the results folder under {}: {}\n", o.results_root.string(), e.what());
    return {kRunResultsUnwritten, {}};
  }

  fmt::print("apibench run: suite '{}', {} cells, server on CPUs {}, load on CPUs {}, {} x {} ms per cell\n", suite.name,
             plan->cells.size(), format_cpu_list(ctx.pinning.server), format_cpu_list(ctx.pinning.load),
             ctx.repetitions, ctx.duration.count());
  for (const auto& w : warnings) fmt::print("warning: {}\n", w);
  std::fflush(stdout);

  CellLoopEnd end;
  {
    Progress progress(nominal, ::isatty(STDERR_FILENO) == 1, stderr, stdout);
    end = run_cells(ctx, *plan, budget, *record, progress);
  }
  finish_record(*record, end);
  print_ending(end, record->dir());
  return {exit_code_of(end), record->dir(), stop_signal() != 0};
}

}  // namespace apibench::runner
