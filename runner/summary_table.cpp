#include "runner/summary_table.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "runner/results.hpp"

namespace apibench::runner {
namespace {

// ", 2 steps re-run after a p99 miss (1 met on re-run)"; empty when none was re-run.
std::string rerun_text(const loadgen::SweepResult& s) {
  const auto rerun = std::count_if(s.steps.begin(), s.steps.end(), [](const auto& step) { return step.rerun(); });
  const auto met = std::count_if(s.steps.begin(), s.steps.end(), [](const auto& step) { return step.rerun() && step.met; });
  if (rerun == 0) return {};
  return fmt::format(", {} step{} re-run after a p99 miss ({} met on re-run)", rerun, rerun == 1 ? "" : "s", met);
}

std::string sweep_text(const loadgen::SweepResult& s) {
  if (!s.max_rate) {
    return fmt::format("no step met the SLO (closed-loop probe {:.0f} requests/s{})", s.probe_requests_per_second,
                       rerun_text(s));
  }
  return fmt::format("max {:.0f} requests/s within the SLO (closed-loop probe {:.0f}, {} steps{})", *s.max_rate,
                     s.probe_requests_per_second, s.steps.size(), rerun_text(s));
}

// Beside an open-loop cell's numbers: the rate it offered and the probe it came from.
std::string open_loop_text(const CellResult& c) {
  if (!c.open_loop) return {};
  const OpenLoopRecord& o = *c.open_loop;
  std::vector<double> service_p99;
  for (const auto& r : c.repetitions) service_p99.push_back(r.load.service_time.value_at_percentile(99) / 1e3);
  const std::string of = o.max_from.empty()
                             ? fmt::format("the closed-loop probe's {:.0f}", o.probe_requests_per_second)
                             : fmt::format("{}'s {:.0f} in {}", o.max_server, o.max_requests_per_second, o.max_from);
  return fmt::format("  [open loop at {:.0f} requests/s, {:.0f}% of {}; service-time p99 {:.0f} us]", o.offered_rate,
                     o.fraction_of_max * 100, of, spread_of(service_p99).median);
}

std::string with_range(const Spread& s, int precision) {
  return fmt::format("{:.{}f} ({:.{}f}-{:.{}f})", s.median, precision, s.min, precision, s.max, precision);
}

// Beside the foreground's numbers: what the background load got in the same window.
std::string background_text(const CellSummary& s) {
  if (!s.background) return {};
  return fmt::format("  [background {:.0f} requests/s, p99 {:.0f} us, {} errors]", s.background->requests_per_second.median,
                     s.background->p99_us.median, s.background->errors);
}

// "; 2 windows measured again (other processes used 40% of the server CPUs)": the first reason stands for them.
std::string redone_text(const CellResult& c) {
  if (c.redone.empty()) return {};
  return fmt::format("; {} window{} measured again ({}{})", c.redone.size(), c.redone.size() == 1 ? "" : "s",
                     c.redone.front().reason, c.redone.size() > 1 ? ", ..." : "");
}

}  // namespace

std::string format_summary_table(const std::vector<CellResult>& cells) {
  std::string out = fmt::format("{:<12} {:<10} {:>5}  {:>27}  {:>9}  {:>9}  {:>9}  {:>10}  {:>8}  {}\n", "server",
                                "workload", "conns", "requests/s median (min-max)", "p50 us", "p99 us", "p99.9 us",
                                "CPU us/req", "RSS MiB", "errors");
  for (const auto& c : cells) {
    if (!c.ok) {
      out += fmt::format("{:<12} {:<10} {:>5}  {}: {}\n", c.server, c.workload, c.connections,
                         c.skipped ? "skipped" : "FAILED", c.error);
      continue;
    }
    if (c.sweep) {
      out += fmt::format("{:<12} {:<10} {:>5}  sweep: {}\n", c.server, c.workload, c.connections, sweep_text(*c.sweep));
      continue;
    }
    if (c.idle) {
      out += fmt::format("{:<12} {:<10} {:>5}  idle: RSS {:.1f} MiB after {} connections, {:.0f} bytes per connection\n",
                         c.server, c.workload, c.connections, static_cast<double>(c.idle->rss_after_bytes) / (1 << 20),
                         c.idle->answered, c.idle->rss_per_connection_bytes());
      continue;
    }
    CellSummary s = summarize(c);
    out += fmt::format("{:<12} {:<10} {:>5}  {:>27}  {:>9.0f}  {:>9.0f}  {:>9.0f}  {:>10.2f}  {:>8.1f}  {}{}{}\n", c.server,
                       c.workload, c.connections, with_range(s.requests_per_second, 0), s.p50_us.median,
                       s.p99_us.median, s.p999_us.median, s.cpu_us_per_request.median, s.rss_peak_mib.median,
                       s.errors, s.noisy ? "  (noisy)" : "", background_text(s) + open_loop_text(c));
  }
  return out;
}

std::string format_cell_line(const CellResult& c) {
  if (!c.ok) {
    return fmt::format("{} {} c={}: {}: {}", c.server, c.workload, c.connections, c.skipped ? "skipped" : "FAILED",
                       c.error);
  }
  if (c.sweep) return fmt::format("{} {} c={}: sweep: {}", c.server, c.workload, c.connections, sweep_text(*c.sweep));
  if (c.idle) {
    return fmt::format("{} {} c={}: {:.0f} bytes of RSS per idle connection", c.server, c.workload, c.connections,
                       c.idle->rss_per_connection_bytes());
  }
  CellSummary s = summarize(c);
  return fmt::format("{} {} c={}: {:.0f} requests/s, p99 {:.0f} us, {:.2f} CPU us/request, {} errors{}", c.server,
                     c.workload, c.connections, s.requests_per_second.median, s.p99_us.median,
                     s.cpu_us_per_request.median, s.errors, background_text(s) + open_loop_text(c) + redone_text(c));
}

}  // namespace apibench::runner
