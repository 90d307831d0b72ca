#include "reproduce/agreement.hpp"

#include <fmt/format.h>

#include <map>
#include <stdexcept>

namespace apibench::reproduce {
using nlohmann::json;
namespace {

constexpr const char* kNotMeasured = "not measured";

// "claim 2 | <metric> | <family>: <subject>" -> verdict, for every verdict of the document.
std::map<std::string, std::string> verdicts_of(const json& claims) {
  if (!claims.is_object() || !claims.contains("claims") || !claims.at("claims").is_array()) {
    throw std::runtime_error("not a claims.json document (no \"claims\" array)");
  }
  std::map<std::string, std::string> out;
  for (const auto& c : claims.at("claims")) {
    for (const auto& row : c.value("rows", json::array())) {
      for (const auto& v : row.value("verdicts", json::array())) {
        const std::string key = fmt::format("claim {} | {} | {}: {}", c.value("number", 0), row.value("metric", ""),
                                            v.value("family", ""), v.value("subject", ""));
        out[key] = v.value("verdict", kNotMeasured);
      }
    }
  }
  return out;
}

bool decided(const std::string& v) { return v == "holds" || v == "does not hold"; }

}  // namespace

Agreement agreement_of(const json& first, const json& second) {
  const auto a = verdicts_of(first), b = verdicts_of(second);
  Agreement out;
  for (const auto& [key, va] : a) {
    const auto it = b.find(key);
    if (it == b.end() || va == kNotMeasured || it->second == kNotMeasured) continue;
    const std::string& vb = it->second;
    ++out.compared;
    out.decided_first += decided(va);
    out.decided_second += decided(vb);
    if (va == vb) {
      ++out.same;
      continue;
    }
    if (decided(va) && decided(vb)) ++out.flipped;
    out.changed.push_back({key, va, vb});
  }
  return out;
}

std::string agreement_markdown(const Agreement& a, const std::string& first_name, const std::string& second_name) {
  std::string out = fmt::format("# Agreement of two reproduce runs\n\n- first: {}\n- second: {}\n\n", first_name, second_name);
  out += fmt::format(
      "{} of {} verdicts measured in both runs are the same ({:.1f}%); {} flipped between holds and does not hold. "
      "Decided (holds or does not hold): {} in the first run, {} in the second.\n\n",
      a.same, a.compared, 100 * a.share_same(), a.flipped, a.decided_first, a.decided_second);
  if (a.changed.empty()) return out;
  out += "| claim, metric, compared | first | second |\n|---|---|---|\n";
  for (const auto& c : a.changed) out += fmt::format("| {} | {} | {} |\n", c.row, c.first, c.second);
  return out;
}

}  // namespace apibench::reproduce
