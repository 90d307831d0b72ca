// Claim 2: "thousands of requests per second with predictable latency" (Hyper + Serde JSON API).
#include <fmt/format.h>

#include "reproduce/claims.hpp"
#include "reproduce/readers.hpp"
#include "reproduce/rows.hpp"

namespace apibench::reproduce {
namespace {

constexpr double kThousands = 1000;
// One sweep step is 15%; per-second spreads from a few seconds are coarse: a wider margin.
constexpr PairRule kSpreadRule{true, 0.05, 0.25};

ServerValue closed_loop_tail_ratio(const report::RunData& run, const std::string& server, const std::string& workload,
                                   unsigned c) {
  std::string why;
  const report::CellData* cell = usable_cell(run, server, workload, c, why);
  if (cell == nullptr) return no_value(server, why);
  return {server, ratios(cell->values(report::Metric::p999_us), cell->values(report::Metric::p50_us)), ""};
}

ServerValue fixed_tail_ratio(const ClaimInputs& in, const std::string& server, const char* purpose) {
  std::string why;
  const FixedRateResult* f = usable_fixed(in.fixed, server, purpose, why);
  if (f == nullptr) return no_value(server, why);
  ServerValue v{server, ratios(f->values(&FixedRateWindow::p999_us), f->values(&FixedRateWindow::p50_us)), ""};
  v.note = fmt::format("at {:.0f} req/s", f->rate);
  return v;
}

// (max - min) / median of the per-second p99s of every window: how far a second's p99 wanders.
ServerValue second_p99_spread(const ClaimInputs& in, const std::string& server, const char* purpose) {
  std::string why;
  const FixedRateResult* f = usable_fixed(in.fixed, server, purpose, why);
  if (f == nullptr) return no_value(server, why);
  const std::vector<double> seconds = f->pooled_second_p99s();
  if (seconds.size() < 2) return no_value(server, "fewer than two whole seconds measured");
  const runner::Spread s = runner::spread_of(seconds);
  if (s.median <= 0) return no_value(server, "zero p99");
  return {server, {(s.max - s.min) / s.median}, fmt::format("{} seconds at {:.0f} req/s", seconds.size(), f->rate)};
}

}  // namespace

ClaimResult claim_predictable_latency(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 2;
  c.title = "Thousands of requests per second with predictable latency";
  c.quote = "I built a high-performance JSON API service using Rust's async/await model with the Hyper framework and "
            "Serde for serialization. The result was an API capable of processing thousands of requests per second "
            "with predictable latency.";
  c.measures = fmt::format(
      "POST /orders (typed JSON in and out): the maximum throughput whose p99 stays under {} ms (open-loop sweep); "
      "predictability as p99.9/p50 and as the spread of per-second p99, (max-min)/median, at 50% and 80% of each "
      "server's own maximum (fixed-rate open loop).",
      in.config.slo_ms);
  c.criterion = "throughput: holds when the Rust-design server's maximum is at least 1,000 req/s; predictability: holds "
                "when its tail ratio and per-second spread are lower than the Go-design server's beyond the noise";
  const auto& w = in.config.workloads;
  MetricRow max = make_row(in.config, fmt::format("POST /orders maximum throughput at p99 <= {} ms", in.config.slo_ms),
                           "req/s", [&](const std::string& s) { return sweep_max(in.run, s, w.orders_sweep); });
  judge_bar(max, in.config, Side::rust, {Bound::at_least, kThousands});
  c.rows.push_back(std::move(max));
  for (const char* purpose : {kHalfOfMax, kFourFifthsOfMax}) {
    MetricRow tail = make_row(in.config, fmt::format("p99.9 / p50, POST /orders at {}", purpose), "x",
                              [&](const std::string& s) { return fixed_tail_ratio(in, s, purpose); });
    judge_pairs(tail, in.config, Side::rust, PairRule{});
    c.rows.push_back(std::move(tail));
    MetricRow spread = make_row(in.config, fmt::format("Spread of per-second p99, POST /orders at {}", purpose), "x",
                                [&](const std::string& s) { return second_p99_spread(in, s, purpose); });
    judge_pairs(spread, in.config, Side::rust, kSpreadRule);
    c.rows.push_back(std::move(spread));
  }
  const unsigned conns = w.reference_connections;
  MetricRow closed = make_row(in.config, fmt::format("p99.9 / p50, POST /orders, closed loop {} connections", conns), "x",
                              [&](const std::string& s) { return closed_loop_tail_ratio(in.run, s, w.orders, conns); });
  judge_pairs(closed, in.config, Side::rust, PairRule{});
  c.rows.push_back(std::move(closed));
  return c;
}

}  // namespace apibench::reproduce
