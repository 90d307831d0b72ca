#include "reproduce/rows.hpp"

#include <fmt/format.h>

namespace apibench::reproduce {

MetricRow make_row(const ReproduceConfig& config, std::string metric, std::string unit, const ValueReader& read) {
  MetricRow row;
  row.metric = std::move(metric);
  row.unit = std::move(unit);
  for (const auto& server : config.servers()) row.values.push_back(read(server));
  return row;
}

ServerValue no_value(const std::string& server, std::string why) { return {server, {}, std::move(why)}; }

const report::CellData* usable_cell(const report::RunData& run, const std::string& server, const std::string& workload,
                                    unsigned connections, std::string& why) {
  const report::CellData* cell = run.find(server, workload, connections);
  if (cell == nullptr) {
    why = connections ? fmt::format("not in this run ({}, {} connections)", workload, connections)
                      : fmt::format("not in this run ({})", workload);
    return nullptr;
  }
  if (!cell->ok()) {
    why = fmt::format("{}: {}", report::status_name(cell->status),
                      cell->error.empty() ? "no reason recorded" : cell->error);
    return nullptr;
  }
  return cell;
}

ServerValue cell_metric(const report::RunData& run, const std::string& server, const std::string& workload,
                        unsigned connections, report::Metric metric) {
  std::string why;
  const report::CellData* cell = usable_cell(run, server, workload, connections, why);
  if (cell == nullptr) return no_value(server, why);
  ServerValue v{server, cell->values(metric), ""};
  if (v.samples.empty()) {
    v.note = metric == report::Metric::allocations_per_request
                 ? "not counted (a static binary the LD_PRELOAD counter cannot load into, or counting was off)"
                 : "no repetition recorded it";
  }
  return v;
}

namespace {

const ServerValue& value_or_missing(const MetricRow& row, const std::string& server, ServerValue& fallback) {
  if (const ServerValue* v = row.value_of(server)) return *v;
  fallback = no_value(server, "not read");
  return fallback;
}

}  // namespace

void judge_pairs(MetricRow& row, const ReproduceConfig& config, Side favoured, const PairRule& rule) {
  for (const auto& family : config.families) {
    for (const auto& pair : family.pairs()) {
      ServerValue rust_missing, go_missing;
      const ServerValue& rust = value_or_missing(row, pair.rust, rust_missing);
      const ServerValue& go = value_or_missing(row, pair.go, go_missing);
      const ServerValue& claimed_winner = favoured == Side::rust ? rust : go;
      const ServerValue& claimed_loser = favoured == Side::rust ? go : rust;
      Judgement j;
      j.family = family.name;
      j.subject = fmt::format("{} vs {}", pair.rust, pair.go);
      j.compared = Compared::pair;
      j.verdict = judge_pair(claimed_winner, claimed_loser, rule, j.detail);
      j.stability = verdict_stability({claimed_winner.samples, claimed_loser.samples}, [&](const auto& resampled) {
        std::string ignored;
        return judge_pair({claimed_winner.server, resampled[0], ""}, {claimed_loser.server, resampled[1], ""}, rule,
                          ignored) == j.verdict;
      });
      row.judgements.push_back(std::move(j));
    }
  }
}

void judge_bar(MetricRow& row, const ReproduceConfig& config, Side side, const ThresholdRule& rule) {
  for (const auto& family : config.families) {
    for (const auto& server : side == Side::rust ? family.rust : family.go) {
      ServerValue missing;
      const ServerValue& v = value_or_missing(row, server, missing);
      Judgement j;
      j.family = family.name;
      j.subject = server;
      j.compared = Compared::bar;
      j.verdict = judge_threshold(v, rule, j.detail);
      j.stability = verdict_stability({v.samples}, [&](const auto& resampled) {
        std::string ignored;
        return judge_threshold({v.server, resampled[0], ""}, rule, ignored) == j.verdict;
      });
      row.judgements.push_back(std::move(j));
    }
  }
}

}  // namespace apibench::reproduce
