// Claims 5 and 6: "Choose Rust when maximum performance is critical" and "... latency-sensitive
// microservices".
#include <fmt/format.h>

#include "reproduce/claims.hpp"
#include "reproduce/readers.hpp"
#include "reproduce/rows.hpp"

namespace apibench::reproduce {
namespace {

// Tails of a few seconds move a lot between windows: a single measurement must differ by a quarter.
constexpr PairRule kTailRule{true, 0.05, 0.25};

}  // namespace

ClaimResult claim_maximum_performance(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 5;
  c.title = "Rust when maximum performance is critical";
  c.quote = "Choose Rust when: Maximum performance is critical";
  c.measures = fmt::format("The maximum throughput whose p99 stays under {} ms (open-loop sweep, steps 15% apart) on "
                           "GET /json and POST /orders, and the closed-loop throughput at {} connections.",
                           in.config.slo_ms, in.config.workloads.reference_connections);
  c.criterion = "holds when the Rust-design server's maximum is higher by more than one sweep step (15%), and its "
                "closed-loop throughput higher beyond the noise";
  const auto& w = in.config.workloads;
  for (const auto& [workload, label] : {std::pair{w.json_sweep, "GET /json"}, std::pair{w.orders_sweep, "POST /orders"}}) {
    MetricRow row = make_row(in.config, fmt::format("Maximum throughput at p99 <= {} ms, {}", in.config.slo_ms, label),
                             "req/s", [&](const std::string& s) { return sweep_max(in.run, s, workload); });
    judge_pairs(row, in.config, Side::rust, PairRule{false, 0.05, 0.15});
    c.rows.push_back(std::move(row));
  }
  const unsigned conns = w.reference_connections;
  for (const auto& workload : {w.json, w.orders}) {
    MetricRow row = make_row(in.config, fmt::format("Requests/s, {}, closed loop {} connections", workload, conns),
                             "req/s", [&](const std::string& s) {
                               return cell_metric(in.run, s, workload, conns, report::Metric::requests_per_second);
                             });
    judge_pairs(row, in.config, Side::rust, PairRule{false, 0.05, 0.15});
    c.rows.push_back(std::move(row));
  }
  return c;
}

ClaimResult claim_latency_sensitive(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 6;
  c.title = "Rust for latency-sensitive microservices";
  c.quote = "Choose Rust when: ... Building real-time data processing engines or latency-sensitive microservices";
  c.measures = "p99.9 and the maximum latency of GET /json with every server at the same offered load: one fixed "
               "open-loop rate, half the lowest GET /json maximum among the servers, so each is below its knee.";
  c.criterion = "holds when the Rust-design server's p99.9 (and maximum) is lower beyond the noise";
  for (const auto& [field, label] : {std::pair{&FixedRateWindow::p99_us, "p99"}, std::pair{&FixedRateWindow::p999_us, "p99.9"},
                                     std::pair{&FixedRateWindow::max_us, "Maximum latency"}}) {
    MetricRow row = make_row(in.config, fmt::format("{}, GET /json at the same offered load", label), "us",
                             [&, f = field](const std::string& s) { return fixed_metric(in.fixed, s, kCommonLoad, f); });
    judge_pairs(row, in.config, Side::rust, kTailRule);
    c.rows.push_back(std::move(row));
  }
  if (const FixedRateResult* any = in.fixed.empty() ? nullptr : find_fixed(in.fixed, in.fixed.front().server, kCommonLoad)) {
    c.notes.push_back(fmt::format("Offered load: {:.0f} requests/s for every server.", any->rate));
  }
  return c;
}

}  // namespace apibench::reproduce
