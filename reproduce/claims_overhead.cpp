// Claim 1: "memory safety without a garbage collector ... minimal runtime overhead".
#include <fmt/format.h>

#include "reproduce/claims.hpp"
#include "reproduce/rows.hpp"

namespace apibench::reproduce {
namespace {

MetricRow load_metric(const ClaimInputs& in, const std::string& workload, const char* what, report::Metric m,
                      const char* unit) {
  const unsigned c = in.config.workloads.reference_connections;
  MetricRow row = make_row(in.config, fmt::format("{}, {}, {} connections", what, workload, c), unit,
                           [&](const std::string& s) { return cell_metric(in.run, s, workload, c, m); });
  judge_pairs(row, in.config, Side::rust, PairRule{});
  return row;
}

ServerValue idle_memory(const report::RunData& run, const std::string& server, const std::string& workload) {
  std::string why;
  const report::CellData* cell = usable_cell(run, server, workload, 0, why);
  if (cell == nullptr) return no_value(server, why);
  if (!cell->idle) return no_value(server, "the cell has no idle measurement");
  return {server, {cell->idle->rss_per_connection_bytes}, ""};
}

}  // namespace

ClaimResult claim_runtime_overhead(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 1;
  c.title = "Minimal runtime overhead without a garbage collector";
  c.quote = "it achieves memory safety without a garbage collector through its ownership model and borrow checker. "
            "This results in zero-cost abstractions and minimal runtime overhead.";
  c.measures = "Server CPU time per request (utime+stime over the measured window / requests), heap allocations per "
               "request (LD_PRELOAD counter), peak RSS under load, and RSS per idle keep-alive connection.";
  c.criterion = "holds when the Rust-design server is lower than the Go-design server by more than 5% and beyond "
                "the repetitions' noise (Mann-Whitney p < 0.05, which needs 4 or more repetitions each)";
  const auto& w = in.config.workloads;
  c.rows.push_back(load_metric(in, w.json, "CPU time per request", report::Metric::cpu_us_per_request, "us"));
  c.rows.push_back(load_metric(in, w.orders, "CPU time per request", report::Metric::cpu_us_per_request, "us"));
  c.rows.push_back(
      load_metric(in, w.json, "Heap allocations per request", report::Metric::allocations_per_request, ""));
  c.rows.push_back(
      load_metric(in, w.orders, "Heap allocations per request", report::Metric::allocations_per_request, ""));
  c.rows.push_back(load_metric(in, w.json, "Peak RSS under load", report::Metric::rss_peak_mib, "MiB"));
  MetricRow idle = make_row(in.config, fmt::format("RSS per idle keep-alive connection ({})", w.idle), "B",
                            [&](const std::string& s) { return idle_memory(in.run, s, w.idle); });
  judge_pairs(idle, in.config, Side::rust, PairRule{});
  c.rows.push_back(std::move(idle));
  c.notes.push_back("Go binaries are statically linked: the LD_PRELOAD counter cannot count their allocations, so the "
                    "real peers' allocation rows are not measured (Go's allocator is its own in any case).");
  return c;
}

}  // namespace apibench::reproduce
