#include "loadgen/summary.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/color.h>
#include <fmt/format.h>

#include "loadgen/percentiles.hpp"

namespace apibench::loadgen {

std::string format_latency(std::uint64_t ns) {
  const auto v = static_cast<double>(ns);
  if (ns < 1'000) return fmt::format("{} ns", ns);
  if (ns < 1'000'000) return fmt::format("{:.1f} us", v / 1e3);
  if (ns < 1'000'000'000) return fmt::format("{:.2f} ms", v / 1e6);
  return fmt::format("{:.3f} s", v / 1e9);
}

namespace {

using Out = std::back_insert_iterator<std::string>;

// Styles text only when writing to a terminal; the padding is applied first, so the
// escape codes do not upset the alignment.
std::string paint(const std::string& text, fmt::text_style style, bool colour) {
  return colour ? fmt::format(style, "{}", text) : text;
}

void header(Out out, const LoadSpec& spec) {
  const auto length = spec.request_count ? fmt::format("{} requests (at most {} ms)", *spec.request_count,
                                                       spec.duration.count())
                                         : fmt::format("{} ms", spec.duration.count());
  fmt::format_to(out, "apibench load {}:{}  {}  {} connections, {} threads, pipeline {}, {} (+{} ms warm-up)\n\n",
                 spec.host, spec.port, spec.rate ? fmt::format("open loop at {:.0f} req/s", *spec.rate) : "closed loop",
                 spec.connections, spec.threads, spec.pipeline, length, spec.warmup.count());
}

void counts(Out out, const LoadResult& r, bool colour) {
  const auto& e = r.errors;
  const auto error_style = e.total() > 0 ? fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold : fmt::text_style();
  fmt::format_to(out, "  {:<14}{:>14}\n", "requests", r.requests);
  fmt::format_to(out, "  {:<14}{:>14}\n", "sent", r.requests_sent);
  fmt::format_to(out, "  {:<14}{:>14.1f}\n", "req/s", r.requests_per_second());
  fmt::format_to(out, "  {:<14}{:>14}\n", "elapsed", format_latency(static_cast<std::uint64_t>(r.elapsed.count())));
  fmt::format_to(out, "  {:<14}{}   connect {}  read {}  write {}  timeout {}  bad_response {}\n", "errors",
                 paint(fmt::format("{:>14}", e.total()), error_style, colour), e.connect, e.read, e.write, e.timeout,
                 e.bad_response);
  fmt::format_to(out, "  {:<14}{:>14}\n", "reconnects", r.reconnects);
  fmt::format_to(out, "  {:<14}{:>14}\n", "open at start", r.connections_open);
  fmt::format_to(out, "  {:<14}", "status");
  for (std::size_t i = 1; i < r.status_classes.size(); ++i) fmt::format_to(out, "  {}xx {}", i, r.status_classes[i]);
  fmt::format_to(out, "\n\n");
}

void latency_table(Out out, const LoadResult& r, bool colour) {
  const auto heading = r.open_loop ? fmt::format("  {:<14}{:>14}{:>14}", "latency", "corrected", "service time")
                                   : fmt::format("  {:<14}", "latency");
  fmt::format_to(out, "{}\n", paint(heading, fmt::emphasis::bold, colour));
  for (const auto& p : kReportedPercentiles) {
    fmt::format_to(out, "  {:<14}{:>14}", p.label, format_latency(r.latency.value_at_percentile(p.value)));
    if (r.open_loop) fmt::format_to(out, "{:>14}", format_latency(r.service_time.value_at_percentile(p.value)));
    fmt::format_to(out, "\n");
  }
  fmt::format_to(out, "  {:<14}{:>14}", "mean", format_latency(static_cast<std::uint64_t>(r.latency.mean())));
  if (r.open_loop) fmt::format_to(out, "{:>14}", format_latency(static_cast<std::uint64_t>(r.service_time.mean())));
  fmt::format_to(out, "\n");
}

// "0", or the total and its kinds: "3 (read 2, timeout 1)".
std::string error_breakdown(const ErrorCounts& e) {
  if (e.total() == 0) return "0";
  const std::pair<const char*, std::uint64_t> kinds[] = {
      {"connect", e.connect}, {"read", e.read}, {"write", e.write}, {"timeout", e.timeout},
      {"bad_response", e.bad_response}};
  std::string text = fmt::format("{} (", e.total());
  const char* separator = "";
  for (const auto& [kind, count] : kinds) {
    if (count == 0) continue;
    text += fmt::format("{}{} {}", separator, kind, count);
    separator = ", ";
  }
  return text + ")";
}

void endpoint_table(Out out, const LoadResult& r, bool colour) {
  if (r.endpoints.size() < 2) return;
  std::size_t width = 14;  // names from scenario files may be longer than the other columns
  for (const auto& e : r.endpoints) width = std::max(width, e.name.size() + 2);
  const auto heading = fmt::format("  {:<{}}{:>14}{:>14}{:>14}{:>14}  {}", "endpoint", width, "requests", "p50",
                                   "p99", "max", "errors");
  fmt::format_to(out, "\n{}\n", paint(heading, fmt::emphasis::bold, colour));
  for (const auto& e : r.endpoints) {
    fmt::format_to(out, "  {:<{}}{:>14}{:>14}{:>14}{:>14}  {}\n", e.name, width, e.requests,
                   format_latency(e.latency.value_at_percentile(50)), format_latency(e.latency.value_at_percentile(99)),
                   format_latency(e.latency.max()), error_breakdown(e.errors));
  }
}

}  // namespace

std::string format_summary(const LoadSpec& spec, const LoadResult& result, bool colour) {
  std::string text;
  const Out out(text);
  header(out, spec);
  counts(out, result, colour);
  latency_table(out, result, colour);
  endpoint_table(out, result, colour);
  return text;
}

}  // namespace apibench::loadgen
