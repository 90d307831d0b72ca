#pragma once
// Everything claims.md, claims.html and claims.json show: the run it came from, each
// claim with its rows and verdicts, and the decomposition.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "reproduce/claim_model.hpp"
#include "reproduce/config.hpp"
#include "reproduce/decomposition.hpp"

namespace apibench::reproduce {

inline constexpr const char* kClaimsSchema = "apibench.claims/2";

struct RunMeta {
  std::string dir, suite, started, commit, cpu_model, kernel, pinning;
  bool complete = false;
  bool dirty = false;
  std::vector<std::string> warnings;
};

struct ClaimsReport {
  RunMeta run;
  ReproduceConfig config;
  std::vector<ClaimResult> claims;
  Decomposition decomposition;
  std::vector<std::string> notes;  // how the report was made (e.g. artifacts read from the current tree)
};

// Every verdict of the report: how many are decided (holds or does not hold) and how many of
// those are firm (stability >= kFirmStability); single measurements have no stability figure.
struct VerdictTally {
  int verdicts = 0;
  int decided = 0;
  int firm = 0;
  int decided_single = 0;  // decided on single measurements: neither firm nor not, no figure
};
VerdictTally tally_verdicts(const std::vector<ClaimResult>& claims);
// "40 verdicts: 12 decided (holds or does not hold), 9 of them firm (stability >= 0.90), 2 on single measurements (no figure)"
std::string tally_text(const VerdictTally& tally);

// A claim's verdict for one subject of a family (a Rust/Go pair, or a server against a bar),
// over the claim's metrics, whose criteria hold together: holds when every measured metric
// holds, does not hold when any metric does not, not measured when none was measured,
// inconclusive otherwise (a metric undecided, none against).
struct SubjectVerdict {
  std::string subject;
  Compared compared = Compared::pair;
  Verdict verdict = Verdict::not_measured;
};
std::vector<SubjectVerdict> subject_verdicts(const ClaimResult& claim, const std::string& family);

// "16 pairs: 2 holds, 14 inconclusive; 4 servers against a bar: 4 holds", "-" when none.
std::string family_summary(const ClaimResult& claim, const std::string& family);
// "real peers (rust-hyper, rust-axum vs go-nethttp, go-gin)"
std::string family_label(const Family& family);
// A row's unit in brackets after its label: "CPU time per request (us)".
std::string row_label(const MetricRow& row);
// "35.2 (34.9-36.0)", or "-" and the note.
std::string value_text(const ServerValue& v);

std::string claims_markdown(const ClaimsReport& report);
// The summary table alone (claim by family), for the terminal.
std::string claims_summary_markdown(const ClaimsReport& report);
nlohmann::json claims_json(const ClaimsReport& report);

}  // namespace apibench::reproduce
