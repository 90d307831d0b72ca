#pragma once
// Building a claim's rows: a metric read for every server of the families, then
// verdicts per family pair or per server against a bar.
#include <functional>
#include <string>

#include "report/run_data.hpp"
#include "reproduce/claim_model.hpp"
#include "reproduce/config.hpp"
#include "reproduce/verdict.hpp"

namespace apibench::reproduce {

using ValueReader = std::function<ServerValue(const std::string& server)>;

// Every server of the families, in order, read by `read`.
MetricRow make_row(const ReproduceConfig& config, std::string metric, std::string unit, const ValueReader& read);

// The value of a cell, or a note saying why there is none (no such cell, skipped, failed).
const report::CellData* usable_cell(const report::RunData& run, const std::string& server, const std::string& workload,
                                    unsigned connections, std::string& why);

// One sample per repetition of a cell's metric.
ServerValue cell_metric(const report::RunData& run, const std::string& server, const std::string& workload,
                        unsigned connections, report::Metric metric);

ServerValue no_value(const std::string& server, std::string why);

enum class Side { rust, go };

// For each family, every Rust-design server against every Go-design server; `favoured`
// is the side the claim says wins.
void judge_pairs(MetricRow& row, const ReproduceConfig& config, Side favoured, const PairRule& rule);
// For each family, each server of `side` against a bar.
void judge_bar(MetricRow& row, const ReproduceConfig& config, Side side, const ThresholdRule& rule);

}  // namespace apibench::reproduce
