#pragma once
// What checking one of the article's claims produces: the numbers of every server
// for each metric, and verdicts, per pair of a family (each Rust-design server against
// each Go-design server) or per server against a stated bar.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reproduce/stability.hpp"
#include "runner/spread.hpp"

namespace apibench::reproduce {

enum class Verdict { holds, does_not_hold, inconclusive, not_measured };
std::string_view verdict_text(Verdict v);  // "holds", "does not hold", "inconclusive", "not measured"

// What a verdict compares: a Rust-design server with a Go-design one, or one server with a bar.
enum class Compared { pair, bar };

struct Judgement {
  std::string family;   // "C++ reproductions" or "real peers"
  std::string subject;  // "rust-style vs go-style", or "go-nethttp" for a bar
  Compared compared = Compared::pair;
  Verdict verdict = Verdict::not_measured;
  std::string detail;   // the evidence: "0.53x, p = 0.029 (4 vs 4 repetitions)"
  Stability stability;  // the share of resampled repetitions giving the same verdict
};

struct ServerValue {
  std::string server;
  std::vector<double> samples;  // one per repetition, or a single measurement
  std::string note;             // why there is no value, or how to read it

  bool measured() const { return !samples.empty(); }
  runner::Spread spread() const { return runner::spread_of(samples); }
};

struct MetricRow {
  std::string metric;  // "CPU time per request, GET /json, 64 connections"
  std::string unit;    // "us", "req/s", "MiB", "" for a plain number
  std::vector<ServerValue> values;
  std::vector<Judgement> judgements;
  bool charted = true;  // false for rows a chart would not help (error counts)
  // Rows sharing a curve name form a line chart over x (e.g. connection counts).
  std::string curve;
  double x = 0;

  const ServerValue* value_of(std::string_view server) const;
};

struct ClaimResult {
  int number = 0;
  std::string title;      // short: "Minimal runtime overhead"
  std::string quote;      // the article's words
  std::string measures;   // what apibench measures for it
  std::string criterion;  // when a verdict reads "holds"
  std::vector<MetricRow> rows;
  std::string not_measurable;  // set for claims no benchmark settles: the reason
  std::vector<std::string> notes;
};

}  // namespace apibench::reproduce
