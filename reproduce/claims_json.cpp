#include <nlohmann/json.hpp>

#include "reproduce/claims_report.hpp"

namespace apibench::reproduce {
using nlohmann::json;
namespace {

json value_json(const ServerValue& v) {
  json j = {{"server", v.server}, {"samples", v.samples}};
  if (v.measured()) {
    const runner::Spread s = v.spread();
    j["median"] = s.median;
    j["min"] = s.min;
    j["max"] = s.max;
  }
  if (!v.note.empty()) j["note"] = v.note;
  return j;
}

json row_json(const MetricRow& row) {
  json values = json::array(), judgements = json::array();
  for (const auto& v : row.values) values.push_back(value_json(v));
  for (const auto& j : row.judgements) {
    json verdict = {{"family", j.family}, {"subject", j.subject}, {"verdict", verdict_text(j.verdict)}, {"detail", j.detail},
                    {"stability", j.stability.agreement ? json(*j.stability.agreement) : json()}};
    if (!j.stability.agreement) verdict["stability_note"] = j.stability.why_none;
    judgements.push_back(std::move(verdict));
  }
  return {{"metric", row.metric}, {"unit", row.unit}, {"values", values}, {"verdicts", judgements}};
}

json claim_json(const ClaimResult& c, const ReproduceConfig& config) {
  json j = {{"number", c.number}, {"title", c.title}, {"quote", c.quote}};
  if (!c.not_measurable.empty()) {
    j["not_measurable"] = c.not_measurable;
    return j;
  }
  j["measures"] = c.measures;
  j["criterion"] = c.criterion;
  j["rows"] = json::array();
  for (const auto& row : c.rows) j["rows"].push_back(row_json(row));
  j["summary"] = json::object();
  j["verdicts_by_subject"] = json::object();
  for (const auto& f : config.families) {
    j["summary"][f.name] = family_summary(c, f.name);
    json subjects = json::array();
    for (const auto& s : subject_verdicts(c, f.name)) {
      subjects.push_back({{"subject", s.subject}, {"compared", s.compared == Compared::pair ? "pair" : "bar"},
                          {"verdict", verdict_text(s.verdict)}});
    }
    j["verdicts_by_subject"][f.name] = std::move(subjects);
  }
  j["notes"] = c.notes;
  return j;
}

json decomposition_json(const Decomposition& d) {
  json pairs = json::array();
  for (const auto& p : d.pairs) {
    json rows = json::array();
    for (const auto& r : p.rows) {
      rows.push_back({{"claim", r.claim}, {"metric", r.metric}, {"unit", r.unit},
                      {"real", {{p.real_rust, r.real_rust}, {p.real_go, r.real_go}, {"ratio", r.real_ratio}}},
                      {"design", {{d.design_rust, r.design_rust}, {d.design_go, r.design_go}, {"ratio", r.design_ratio}}},
                      {"fraction_reproduced", r.fraction ? json(*r.fraction) : json()}, {"note", r.note}});
    }
    pairs.push_back({{"real_rust", p.real_rust}, {"real_go", p.real_go}, {"rows", rows}});
  }
  return {{"definition", "fraction_reproduced = ln(design ratio) / ln(real ratio)"},
          {"design_rust", d.design_rust}, {"design_go", d.design_go}, {"pairs", pairs}};
}

}  // namespace

json claims_json(const ClaimsReport& r) {
  json families = json::array();
  for (const auto& f : r.config.families) families.push_back({{"name", f.name}, {"rust", f.rust}, {"go", f.go}});
  json claims = json::array();
  for (const auto& c : r.claims) claims.push_back(claim_json(c, r.config));
  const VerdictTally tally = tally_verdicts(r.claims);
  json verdict_counts = {{"verdicts", tally.verdicts},          {"decided", tally.decided},
                         {"firm", tally.firm},                  {"decided_single_measurement", tally.decided_single},
                         {"firm_stability", kFirmStability},    {"text", tally_text(tally)},
                         {"definition", stability_definition()}};
  return {{"schema", kClaimsSchema},
          {"run", {{"dir", r.run.dir}, {"suite", r.run.suite}, {"started", r.run.started}, {"commit", r.run.commit},
                   {"dirty", r.run.dirty}, {"complete", r.run.complete}, {"warnings", r.run.warnings}}},
          {"families", families},
          {"notes", r.notes},
          {"verdict_counts", verdict_counts},
          {"claims", claims},
          {"decomposition", decomposition_json(r.decomposition)}};
}

}  // namespace apibench::reproduce
