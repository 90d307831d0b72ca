#include "report/csv.hpp"

#include <fmt/format.h>

namespace apibench::report {
namespace {

struct Metric {
  const char* name;
  Spread CellSummaryData::*spread;
};

constexpr Metric kMetrics[] = {
    {"requests_per_second", &CellSummaryData::requests_per_second},
    {"p50_us", &CellSummaryData::p50_us},
    {"p99_us", &CellSummaryData::p99_us},
    {"p999_us", &CellSummaryData::p999_us},
    {"max_us", &CellSummaryData::max_us},
    {"cpu_us_per_request", &CellSummaryData::cpu_us_per_request},
    {"rss_peak_mib", &CellSummaryData::rss_peak_mib},
};

// Shortest text that reads back as the same double.
std::string number(double v) { return fmt::format("{}", v); }

std::string spread_fields(const std::optional<Spread>& s) {
  if (!s) return ",,";
  return fmt::format("{},{},{}", number(s->median), number(s->min), number(s->max));
}

std::string header() {
  std::string h = "server,workload,connections,status,repetitions";
  for (const auto& m : kMetrics) h += fmt::format(",{0}_median,{0}_min,{0}_max", m.name);
  return h +
         ",allocations_per_request_median,allocations_per_request_min,allocations_per_request_max,"
         "errors,noisy,idle_rss_per_connection_bytes,error\n";
}

std::string row(const CellData& c) {
  std::string r = fmt::format("{},{},{},{},{}", csv_field(c.server), csv_field(c.workload), c.connections,
                              status_name(c.status), c.repetitions.size());
  const auto& s = c.summary;
  for (const auto& m : kMetrics) {
    r += fmt::format(",{}", spread_fields(s ? std::optional<Spread>((*s).*m.spread) : std::nullopt));
  }
  r += fmt::format(",{}", spread_fields(s ? s->allocations_per_request : std::nullopt));
  r += s ? fmt::format(",{},{}", s->errors, s->noisy ? "true" : "false") : ",,";
  r += fmt::format(",{},{}\n", c.idle ? number(c.idle->rss_per_connection_bytes) : "", csv_field(c.error));
  return r;
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char ch : text) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return out + "\"";
}

std::string render_csv(const RunData& run) {
  std::string out = header();
  for (const auto& c : run.cells) out += row(c);
  return out;
}

}  // namespace apibench::report
