#include "reproduce/fixed_rate.hpp"

#include <fstream>
#include <stdexcept>

namespace apibench::reproduce {
using nlohmann::json;
namespace {

json window_json(const FixedRateWindow& w) {
  return {{"requests_per_second", w.requests_per_second}, {"p50_us", w.p50_us}, {"p99_us", w.p99_us},
          {"p999_us", w.p999_us}, {"max_us", w.max_us}, {"requests", w.requests}, {"errors", w.errors},
          {"second_p99_us", w.second_p99_us}};
}

FixedRateWindow window_from(const json& j) {
  FixedRateWindow w;
  w.requests_per_second = j.at("requests_per_second").get<double>();
  w.p50_us = j.at("p50_us").get<double>();
  w.p99_us = j.at("p99_us").get<double>();
  w.p999_us = j.at("p999_us").get<double>();
  w.max_us = j.at("max_us").get<double>();
  w.requests = j.value("requests", std::uint64_t{0});
  w.errors = j.value("errors", std::uint64_t{0});
  w.second_p99_us = j.value("second_p99_us", std::vector<double>{});
  return w;
}

}  // namespace

std::vector<double> FixedRateResult::values(double FixedRateWindow::*field) const {
  std::vector<double> out;
  for (const auto& w : windows) out.push_back(w.*field);
  return out;
}

std::vector<double> FixedRateResult::pooled_second_p99s() const {
  std::vector<double> out;
  for (const auto& w : windows) out.insert(out.end(), w.second_p99_us.begin(), w.second_p99_us.end());
  return out;
}

json to_json(const std::vector<FixedRateResult>& results) {
  json list = json::array();
  for (const auto& r : results) {
    json windows = json::array();
    for (const auto& w : r.windows) windows.push_back(window_json(w));
    list.push_back({{"server", r.server}, {"workload", r.workload}, {"purpose", r.purpose}, {"rate", r.rate},
                    {"windows", windows}, {"error", r.error}});
  }
  return {{"schema", kFixedRateSchema}, {"results", list}};
}

std::vector<FixedRateResult> fixed_rate_from_json(const json& j) {
  if (!j.is_object() || j.value("schema", "") != kFixedRateSchema) {
    throw std::runtime_error(std::string("not a fixed-rate record (schema ") + kFixedRateSchema + ")");
  }
  std::vector<FixedRateResult> out;
  try {
    for (const auto& r : j.at("results")) {
      FixedRateResult f{r.at("server").get<std::string>(), r.at("workload").get<std::string>(),
                        r.at("purpose").get<std::string>(), r.at("rate").get<double>(), {}, r.value("error", "")};
      for (const auto& w : r.at("windows")) f.windows.push_back(window_from(w));
      out.push_back(std::move(f));
    }
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string(kFixedRateSchema) + ": " + e.what());
  }
  return out;
}

std::vector<FixedRateResult> load_fixed_rate(const std::filesystem::path& run_dir) {
  const auto file = run_dir / kFixedRateFile;
  std::ifstream in(file);
  if (!in) return {};
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error(file.string() + ": not valid JSON");
  try {
    return fixed_rate_from_json(j);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(file.string() + ": " + e.what());
  }
}

const FixedRateResult* find_fixed(const std::vector<FixedRateResult>& all, const std::string& server,
                                  const std::string& purpose) {
  for (const auto& r : all) {
    if (r.server == server && r.purpose == purpose) return &r;
  }
  return nullptr;
}

namespace {

FixedRateWindow window_of(const report::RepetitionData& r) {
  return {r.requests_per_second, r.p50_us, r.p99_us, r.p999_us, r.max_us, r.requests, r.errors,
          report::second_p99s(r.timeline)};
}

FixedRateResult result_of(const report::CellData& c, const std::string& workload, const char* purpose) {
  FixedRateResult f{c.server, workload, purpose, c.open_loop ? c.open_loop->offered_rate : 0, {}, ""};
  for (const auto& r : c.repetitions) f.windows.push_back(window_of(r));
  if (!c.ok()) f.error = c.error.empty() ? "the cell failed" : c.error;
  return f;
}

}  // namespace

std::vector<FixedRateResult> fixed_rate_of_run(const report::RunData& run, const ClaimWorkloads& w) {
  const std::pair<const std::string*, std::pair<const std::string*, const char*>> sources[] = {
      {&w.orders_half_max, {&w.orders, kHalfOfMax}},
      {&w.orders_four_fifths_max, {&w.orders, kFourFifthsOfMax}},
      {&w.json_common_load, {&w.json, kCommonLoad}}};
  std::vector<FixedRateResult> results;
  for (const auto& c : run.cells) {
    for (const auto& [cell_workload, as] : sources) {
      if (c.workload == *cell_workload) results.push_back(result_of(c, *as.first, as.second));
    }
  }
  return results.empty() ? load_fixed_rate(run.dir) : results;
}

}  // namespace apibench::reproduce
