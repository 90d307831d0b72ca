#include "report/tables.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "report/format.hpp"

namespace apibench::report {
namespace {

std::string or_unknown(const std::string& s) { return s.empty() ? "unknown" : s; }

std::string commit_text(const EnvironmentData& e) {
  return or_unknown(e.git_commit) + (e.git_dirty ? " (dirty: uncommitted changes)" : "");
}

std::string cpu_text(const EnvironmentData& e) {
  return e.cpu_count ? fmt::format("{} ({} CPUs)", or_unknown(e.cpu_model), e.cpu_count) : or_unknown(e.cpu_model);
}

bool counts_allocations(const std::vector<const CellData*>& cells) {
  return std::any_of(cells.begin(), cells.end(), [](const CellData* c) { return c->summary->allocations_per_request; });
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

}  // namespace

Table environment_table(const RunData& run) {
  const EnvironmentData& e = run.environment;
  Table t{{"setting", "value"}, {false, false}, {}};
  t.rows = {
      {"suite", run.suite},
      {"started / finished (UTC)", run.started + " / " + run.finished},
      {"commit", commit_text(e)},
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
  };
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
  Table t{{"server", "connections", "probe req/s", "steps", "steps met", "max req/s within the SLO"},
          {false, true, true, true, true, true},
          {}};
  for (const CellData* c : run.sweep_cells(workload)) {
    const SweepData& s = *c->sweep;
    const auto met = std::count_if(s.steps.begin(), s.steps.end(), [](const SweepStepData& step) { return step.met; });
    t.rows.push_back({c->server, std::to_string(c->connections), format_measure(s.probe_requests_per_second),
                      std::to_string(s.steps.size()), std::to_string(met),
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
