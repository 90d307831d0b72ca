#include "report/tables.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "report/format.hpp"

namespace apibench::report {
namespace {

std::string or_unknown(const std::string& s) { return s.empty() ? "unknown" : s; }

std::string commit_text(const runner::CommitState& c) {
  return c.commit + (c.dirty ? " (dirty: uncommitted changes)" : "");
}

std::string cpu_text(const EnvironmentData& e) {
  return e.cpu_count ? fmt::format("{} ({} CPUs)", or_unknown(e.cpu_model), e.cpu_count) : or_unknown(e.cpu_model);
}

bool counts_allocations(const std::vector<const CellData*>& cells) {
  return std::any_of(cells.begin(), cells.end(), [](const CellData* c) { return c->summary->allocations_per_request; });
}

bool any_open_loop(const std::vector<const CellData*>& cells) {
  return std::any_of(cells.begin(), cells.end(), [](const CellData* c) { return c->open_loop.has_value(); });
}

// "41,500 (50% of 83,000)": what an open-loop cell offered, against its closed-loop probe.
std::string offered_text(const CellData& c) {
  if (!c.open_loop) return "closed loop";
  const OpenLoopData& o = *c.open_loop;
  return fmt::format("{} ({:.0f}% of {})", format_measure(o.offered_rate), o.fraction_of_max * 100,
                     format_measure(o.probe_requests_per_second));
}

std::string service_p99_text(const CellData& c) {
  std::vector<double> p99;
  for (const auto& r : c.repetitions) {
    if (r.service_time_p99_us) p99.push_back(*r.service_time_p99_us);
  }
  return p99.empty() ? "-" : format_measure(runner::spread_of(p99).median);
}

std::vector<std::string> workload_row(const CellData& c, bool with_allocations) {
  const CellSummaryData& s = *c.summary;
  std::vector<std::string> row = {c.server,
                                  std::to_string(c.connections),
                                  format_rate_spread(s.requests_per_second),
                                  format_measure(s.p50_us.median),
                                  format_measure(s.p99_us.median),
                                  format_measure(s.p999_us.median),
                                  format_measure(s.max_us.median),
                                  format_measure(s.cpu_us_per_request.median),
                                  fmt::format("{:.1f}", s.rss_peak_mib.median)};
  if (with_allocations) {
    row.push_back(s.allocations_per_request ? format_measure(s.allocations_per_request->median) : "not counted");
  }
  row.push_back(std::to_string(s.errors));
  row.push_back(s.noisy ? "noisy" : "");
  return row;
}

// An open-loop workload's table says what each server was offered and its service-time
// p99 beside the p99 from intended send times.
void add_open_loop_columns(Table& t, const std::vector<const CellData*>& cells) {
  if (!any_open_loop(cells)) return;
  t.header.insert(t.header.end() - 2, {"offered req/s (of probe)", "service-time p99 us"});
  t.numeric.insert(t.numeric.end() - 2, {true, true});
  for (std::size_t i = 0; i < cells.size(); ++i) {
    t.rows[i].insert(t.rows[i].end() - 2, {offered_text(*cells[i]), service_p99_text(*cells[i])});
  }
}

// "1 (1 met on re-run)": steps whose p99 miss was run once more.
std::string rerun_text(const SweepData& s) {
  const auto rerun = std::count_if(s.steps.begin(), s.steps.end(), [](const SweepStepData& st) { return st.attempts > 1; });
  const auto met = std::count_if(s.steps.begin(), s.steps.end(),
                                 [](const SweepStepData& st) { return st.attempts > 1 && st.met; });
  return rerun == 0 ? "0" : fmt::format("{} ({} met on re-run)", rerun, met);
}

}  // namespace

Table environment_table(const RunData& run) {
  const EnvironmentData& e = run.environment;
  Table t{{"setting", "value"}, {false, false}, {}};
  t.rows = {
      {"suite", run.suite},
      {"started / finished (UTC)", run.started + " / " + run.finished},
      {"commit", commit_text(e.build)},
  };
  if (auto mismatch = runner::build_source_mismatch(e.build, e.source)) {
    t.rows.push_back({"source tree when run", commit_text(e.source) + ". Warning: " + *mismatch});
  }
  t.rows.insert(t.rows.end(), {
      {"compiler", or_unknown(e.compiler)},
      {"build type", or_unknown(e.build_type)},
      {"C++ flags", or_unknown(e.cxx_flags)},
      {"CPU", cpu_text(e)},
      {"kernel", or_unknown(e.kernel)},
      {"host", or_unknown(e.hostname)},
      {"frequency governor", or_unknown(e.governor)},
      {"pinning", fmt::format("server on CPUs {}, load generator on CPUs {}", format_cpu_list(run.server_cpus),
                              format_cpu_list(run.load_cpus))},
      {"measurement", fmt::format("{} repetition(s) of {} ms per cell, after {} ms of warm-up", run.repetitions,
                                  run.duration_ms, run.warmup_ms)},
      {"command line", or_unknown(e.command_line)},
  });
  return t;
}

Table workload_table(const RunData& run, const std::string& workload) {
  const auto cells = run.measured_cells(workload);
  const bool with_allocations = counts_allocations(cells);
  Table t;
  t.header = {"server", "connections", "requests/s median (min-max)", "p50 us", "p99 us", "p99.9 us", "max us",
              "CPU us/request", "peak RSS MiB"};
  if (with_allocations) t.header.push_back("allocations/request");
  t.header.insert(t.header.end(), {"errors", "noisy"});
  t.numeric.assign(t.header.size(), true);
  t.numeric.front() = false;
  t.numeric.back() = false;
  for (const CellData* c : cells) t.rows.push_back(workload_row(*c, with_allocations));
  add_open_loop_columns(t, cells);
  return t;
}

Table problem_table(const RunData& run) {
  Table t{{"server", "workload", "connections", "status", "reason", "server exit"},
          {false, false, true, false, false, false},
          {}};
  for (const auto& c : run.cells) {
    if (c.status == CellStatus::ok) continue;
    t.rows.push_back({c.server, c.workload, std::to_string(c.connections), status_name(c.status),
                      c.error.empty() ? "no reason recorded" : c.error, c.server_exit});
  }
  return t;
}

Table sweep_table(const RunData& run, const std::string& workload) {
  Table t{{"server", "connections", "probe req/s", "steps", "steps met", "steps re-run after a p99 miss",
           "max req/s within the SLO"},
          {false, true, true, true, true, true, true},
          {}};
  for (const CellData* c : run.sweep_cells(workload)) {
    const SweepData& s = *c->sweep;
    const auto met = std::count_if(s.steps.begin(), s.steps.end(), [](const SweepStepData& step) { return step.met; });
    t.rows.push_back({c->server, std::to_string(c->connections), format_measure(s.probe_requests_per_second),
                      std::to_string(s.steps.size()), std::to_string(met), rerun_text(s),
                      s.max_rate ? format_measure(*s.max_rate) : "none met"});
  }
  return t;
}

Table idle_table(const RunData& run) {
  Table t{{"server", "workload", "connections asked", "answered", "RSS before MiB", "RSS after MiB",
           "RSS per connection"},
          {false, false, true, true, true, true, true},
          {}};
  for (const auto& c : run.cells) {
    if (c.status != CellStatus::ok || !c.idle) continue;
    const IdleData& i = *c.idle;
    t.rows.push_back({c.server, c.workload, std::to_string(i.asked), std::to_string(i.answered),
                      format_mib(static_cast<double>(i.rss_before_bytes)),
                      format_mib(static_cast<double>(i.rss_after_bytes)), format_bytes(i.rss_per_connection_bytes)});
  }
  return t;
}

}  // namespace apibench::report
