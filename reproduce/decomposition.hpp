#pragma once
// How much of the real Rust-vs-Go gap the design alone reproduces. For a metric m:
//   real ratio    R = m(real Rust server) / m(real Go server)      (rust-hyper / go-nethttp)
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

struct Decomposition {
  std::string real_rust, real_go, design_rust, design_go;  // the four servers compared
  std::vector<DecompositionRow> rows;
};

// nullopt when the real ratio is within kMinRealGap of 1 or a ratio is not positive.
std::optional<double> reproduced_fraction(double real_ratio, double design_ratio);

// Every claim row that has a positive median for all four servers. The design pair is
// the first family, the real pair the second family's Rust server and its first Go server.
Decomposition decompose(const std::vector<ClaimResult>& claims, const ReproduceConfig& config);

}  // namespace apibench::reproduce
