// Claim 3: "a high-throughput in-memory cache server in Go that handled millions of cache
// requests with minimal latency".
#include <fmt/format.h>

#include "reproduce/claims.hpp"
#include "reproduce/rows.hpp"

namespace apibench::reproduce {
namespace {

constexpr double kOneMillion = 1e6;
constexpr double kMinimalP99Us = 1000;  // "minimal latency": p99 of at most 1 ms at this moderate load

ServerValue cell_total(const report::RunData& run, const std::string& server, const std::string& workload,
                       bool errors) {
  std::string why;
  const report::CellData* cell = usable_cell(run, server, workload, 0, why);
  if (cell == nullptr) return no_value(server, why);
  const double n = static_cast<double>(errors ? cell->total_errors() : cell->total_requests());
  return {server, {n}, fmt::format("{} repetitions", cell->repetitions.size())};
}

}  // namespace

ClaimResult claim_cache_server(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 3;
  c.title = "Millions of cache requests with minimal latency (Go)";
  c.quote = "I once developed a high-throughput in-memory cache server in Go that handled millions of cache requests "
            "with minimal latency.";
  const auto& w = in.config.workloads;
  c.measures = fmt::format(
      "The '{}' workload (GET /cache/{{key}} on preloaded keys and PUT, 90/10): requests served in the cell's measured "
      "windows (all repetitions together), errors, and p99.",
      w.cache);
  c.criterion = "for each Go-design server: holds when it served at least 1,000,000 requests in the run, with no error "
                "and a p99 of at most 1 ms in every repetition; the Rust-design servers are shown for scale";
  MetricRow served = make_row(in.config, fmt::format("Requests served, {}", w.cache), "",
                              [&](const std::string& s) { return cell_total(in.run, s, w.cache, false); });
  judge_bar(served, in.config, Side::go, {Bound::at_least, kOneMillion});
  MetricRow errors = make_row(in.config, fmt::format("Errors and non-2xx answers, {}", w.cache), "",
                              [&](const std::string& s) { return cell_total(in.run, s, w.cache, true); });
  judge_bar(errors, in.config, Side::go, {Bound::at_most, 0});
  errors.charted = false;
  MetricRow p99 = make_row(in.config, fmt::format("p99, {}", w.cache), "us", [&](const std::string& s) {
    return cell_metric(in.run, s, w.cache, 0, report::Metric::p99_us);
  });
  judge_bar(p99, in.config, Side::go, {Bound::at_most, kMinimalP99Us});
  c.rows = {std::move(served), std::move(errors), std::move(p99)};
  return c;
}

}  // namespace apibench::reproduce
