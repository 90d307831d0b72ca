#pragma once
// How much of the real Rust-vs-Go gap the design alone reproduces, for each Rust/Go pair
// of the real peers. For a metric m:
//   real ratio    R = m(real Rust server) / m(real Go server)      (e.g. rust-hyper / go-nethttp)
//   design ratio  D = m(rust-style) / m(go-style)                  (the C++ reproductions)
//   fraction      f = ln D / ln R
// f = 1: the design difference alone gives the whole real gap; 0: none of it; between:
// that share of the gap in log terms (so 2x of a 4x gap is 0.5); above 1: the designs
// differ more than the real servers; below 0: the designs differ the other way.
// Undefined when the real servers differ by less than kMinRealGap.
#include <optional>
#include <string>
#include <vector>

#include "reproduce/claim_model.hpp"
#include "reproduce/config.hpp"

namespace apibench::reproduce {

inline constexpr double kMinRealGap = 1.05;

struct DecompositionRow {
  int claim = 0;
  std::string metric, unit;
  double real_rust = 0, real_go = 0, design_rust = 0, design_go = 0;  // medians
  double real_ratio = 0, design_ratio = 0;
  std::optional<double> fraction;
  std::string note;  // why there is no fraction
};

// One real Rust/Go pair against the design pair.
struct DecompositionPair {
  std::string real_rust, real_go;
  std::vector<DecompositionRow> rows;
};

struct Decomposition {
  std::string design_rust, design_go;
  std::vector<DecompositionPair> pairs;  // those with at least one row
};

// nullopt when the real ratio is within kMinRealGap of 1 or a ratio is not positive.
std::optional<double> reproduced_fraction(double real_ratio, double design_ratio);

// For each Rust/Go pair of the second family (the real peers), every claim row with a
// positive median for both real servers and the design pair: the first family's first
// Rust and first Go server (rust-style, go-style).
Decomposition decompose(const std::vector<ClaimResult>& claims, const ReproduceConfig& config);

}  // namespace apibench::reproduce
