#include "reproduce/claim_model.hpp"

namespace apibench::reproduce {

std::string_view verdict_text(Verdict v) {
  switch (v) {
    case Verdict::holds: return "holds";
    case Verdict::does_not_hold: return "does not hold";
    case Verdict::inconclusive: return "inconclusive";
    case Verdict::not_measured: break;
  }
  return "not measured";
}

const ServerValue* MetricRow::value_of(std::string_view server) const {
  for (const auto& v : values) {
    if (v.server == server) return &v;
  }
  return nullptr;
}

}  // namespace apibench::reproduce
