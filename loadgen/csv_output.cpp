#include "loadgen/csv_output.hpp"

#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "loadgen/percentiles.hpp"

namespace apibench::loadgen {
namespace {

using Out = std::back_insert_iterator<std::string>;

constexpr const char* kErrorKinds[] = {"connect", "read", "write", "timeout", "bad_response", "total"};

// Endpoint names come from scenario files: quote them the RFC 4180 way.
std::string quoted(const std::string& field) {
  if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

void percentiles(Out out, const LatencyHistogram& h) {
  for (const auto& p : kReportedPercentiles) fmt::format_to(out, ",{}", h.value_at_percentile(p.value));
}

void error_counts(Out out, const ErrorCounts& e) {
  fmt::format_to(out, ",{},{},{},{},{},{}", e.connect, e.read, e.write, e.timeout, e.bad_response, e.total());
}

void status_classes(Out out, const std::array<std::uint64_t, 6>& classes) {
  for (std::size_t i = 2; i < classes.size(); ++i) fmt::format_to(out, ",{}", classes[i]);
}

}  // namespace

std::string csv_header() {
  std::string header = "endpoint,requests";
  for (const char* prefix : {"", "service_"}) {
    for (const auto& p : kReportedPercentiles) header += fmt::format(",{}{}_ns", prefix, p.label);
  }
  for (const char* kind : kErrorKinds) header += fmt::format(",errors_{}", kind);
  header += ",status_2xx,status_3xx,status_4xx,status_5xx\n";
  return header;
}

std::string load_result_to_csv(const LoadResult& r) {
  std::string text = csv_header();
  const Out out(text);
  for (const auto& e : r.endpoints) {
    fmt::format_to(out, "{},{}", quoted(e.name), e.requests);
    percentiles(out, e.latency);
    percentiles(out, e.service_time);
    error_counts(out, e.errors);
    status_classes(out, e.status_classes);
    text += '\n';
  }
  fmt::format_to(out, "total,{}", r.requests);
  percentiles(out, r.latency);
  percentiles(out, r.service_time);
  error_counts(out, r.errors);
  status_classes(out, r.status_classes);
  text += '\n';
  return text;
}

std::optional<std::string> write_load_csv(const std::string& path, const LoadResult& result) {
  std::ofstream out(path);
  out << load_result_to_csv(result);
  out.close();
  if (!out) return "cannot write " + path;
  return std::nullopt;
}

}  // namespace apibench::loadgen
