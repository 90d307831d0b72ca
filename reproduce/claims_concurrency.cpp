// Claim 4: goroutines and channels handle "multiple operations simultaneously without the
// complexity often associated with concurrent programming".
#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <tuple>

#include "reproduce/claims.hpp"
#include "reproduce/readers.hpp"
#include "reproduce/rows.hpp"

namespace apibench::reproduce {
namespace {

constexpr double kMinRetention = 0.8;     // keeps 80% of its throughput at the fewest connections
constexpr double kMaxBlockingFactor = 2;  // the design target: /json p99 within 2x of its p99 without blockers

std::vector<unsigned> connection_counts(const report::RunData& run, const std::string& workload) {
  std::set<unsigned> counts;
  for (const auto& c : run.cells) {
    if (c.workload == workload) counts.insert(c.connections);
  }
  return {counts.begin(), counts.end()};
}

ServerValue retention(const report::RunData& run, const std::string& server, const std::string& workload,
                      unsigned fewest, unsigned most) {
  std::string why;
  const report::CellData* low = usable_cell(run, server, workload, fewest, why);
  const report::CellData* high = low ? usable_cell(run, server, workload, most, why) : nullptr;
  if (high == nullptr) return no_value(server, why);
  const double base = runner::spread_of(low->values(report::Metric::requests_per_second)).median;
  if (base <= 0) return no_value(server, "no throughput at the fewest connections");
  std::vector<double> kept;
  for (double v : high->values(report::Metric::requests_per_second)) kept.push_back(v / base);
  return {server, kept, ""};
}

ServerValue errors_at(const report::RunData& run, const std::string& server, const std::string& workload, unsigned c) {
  std::string why;
  const report::CellData* cell = usable_cell(run, server, workload, c, why);
  if (cell == nullptr) return no_value(server, why);
  return {server, {static_cast<double>(cell->total_errors())}, ""};
}

// Each repetition's /json p99 beside the blockers, over the median /json p99 without them.
ServerValue blocking_factor(const report::RunData& run, const std::string& server, const ClaimWorkloads& w) {
  std::string why;
  const report::CellData* blocked = usable_cell(run, server, w.json_blocking, 0, why);
  if (blocked == nullptr) return no_value(server, why);
  if (!blocked->background()) return no_value(server, "the cell ran no background group (the runner had none)");
  const report::CellData* alone = usable_cell(run, server, w.json, blocked->connections, why);
  if (alone == nullptr) return no_value(server, "no /json cell without blockers at the same connections: " + why);
  const double base = runner::spread_of(alone->values(report::Metric::p99_us)).median;
  std::vector<double> base_list(blocked->repetitions.size(), base);
  return {server, ratios(blocked->values(report::Metric::p99_us), base_list), ""};
}

std::string servers_with_an_empty_window(const ClaimInputs& in, unsigned connections) {
  std::string names;
  for (const auto& server : in.config.servers()) {
    const report::CellData* cell = in.run.find(server, in.config.workloads.json, connections);
    if (cell == nullptr) continue;
    const bool empty = std::any_of(cell->repetitions.begin(), cell->repetitions.end(),
                                   [](const report::RepetitionData& r) { return r.requests == 0; });
    if (empty) names += (names.empty() ? "" : ", ") + server;
  }
  return names;
}

}  // namespace

ClaimResult claim_concurrency(const ClaimInputs& in) {
  ClaimResult c;
  c.number = 4;
  c.title = "Concurrency without complexity (goroutines)";
  c.quote = "Its built-in concurrency model using goroutines and channels makes it exceptionally good at handling "
            "multiple operations simultaneously without the complexity often associated with concurrent programming.";
  const auto& w = in.config.workloads;
  c.measures = "GET /json throughput and p99 from the fewest to the most connections of the run (closed loop), errors "
               "at the most, and /json p99 while a background group keeps handlers blocked in GET /work, over its p99 "
               "without it.";
  c.criterion = "for each Go-design server: holds when it keeps at least 80% of its throughput at the most connections, "
                "answers them without errors, and its /json p99 beside the blocked handlers stays within 2x";
  const auto counts = connection_counts(in.run, w.json);
  for (const auto& [metric, label, unit] : {std::tuple{report::Metric::requests_per_second, "Requests/s", "req/s"},
                                            std::tuple{report::Metric::p99_us, "p99", "us"}}) {
    for (unsigned n : counts) {
      MetricRow row = make_row(in.config, fmt::format("{}, GET /json, {} connections", label, n), unit,
                               [&, m = metric](const std::string& s) { return cell_metric(in.run, s, w.json, n, m); });
      row.curve = fmt::format("{}, GET /json, by connections", label);
      row.x = n;
      c.rows.push_back(std::move(row));
    }
  }
  if (counts.size() >= 2) {
    const unsigned fewest = counts.front(), most = counts.back();
    MetricRow kept = make_row(in.config, fmt::format("Throughput kept at {} connections (of {})", most, fewest), "x",
                              [&](const std::string& s) { return retention(in.run, s, w.json, fewest, most); });
    judge_bar(kept, in.config, Side::go, {Bound::at_least, kMinRetention});
    c.rows.push_back(std::move(kept));
    MetricRow errs = make_row(in.config, fmt::format("Errors, GET /json, {} connections", most), "",
                              [&](const std::string& s) { return errors_at(in.run, s, w.json, most); });
    judge_bar(errs, in.config, Side::go, {Bound::at_most, 0});
    errs.charted = false;
    c.rows.push_back(std::move(errs));
  }
  MetricRow blocking = make_row(in.config, "/json p99 beside blocked /work handlers, over /json p99 alone", "x",
                                [&](const std::string& s) { return blocking_factor(in.run, s, w); });
  judge_bar(blocking, in.config, Side::go, {Bound::at_most, kMaxBlockingFactor});
  c.rows.push_back(std::move(blocking));
  if (!counts.empty()) {
    if (std::string empty = servers_with_an_empty_window(in, counts.back()); !empty.empty()) {
      c.notes.push_back(fmt::format("At {} connections a repetition completed no request for {}: the load generator opens "
                                    "its connections inside each measured window, which can take all of a short one. "
                                    "Longer windows (-d) read better.",
                                    counts.back(), empty));
    }
  }
  c.notes.push_back("\"Without complexity\" is about the code, not the numbers: see claim 8's lines-of-code proxy.");
  return c;
}

}  // namespace apibench::reproduce
