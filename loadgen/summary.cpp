#include "loadgen/summary.hpp"

#include <iterator>

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

void header(Out out, const LoadSpec& spec) {
  fmt::format_to(out, "apibench load {}:{}  {}  {} connections, {} threads, pipeline {}, {} ms (+{} ms warm-up)\n\n",
                 spec.host, spec.port, spec.rate ? fmt::format("open loop at {:.0f} req/s", *spec.rate) : "closed loop",
                 spec.connections, spec.threads, spec.pipeline, spec.duration.count(), spec.warmup.count());
}

void counts(Out out, const LoadResult& r) {
  const auto& e = r.errors;
  fmt::format_to(out, "  {:<14}{:>14}\n", "requests", r.requests);
  fmt::format_to(out, "  {:<14}{:>14}\n", "sent", r.requests_sent);
  fmt::format_to(out, "  {:<14}{:>14.1f}\n", "req/s", r.requests_per_second());
  fmt::format_to(out, "  {:<14}{:>14}   connect {}  read {}  write {}  timeout {}  bad_response {}\n", "errors",
                 e.total(), e.connect, e.read, e.write, e.timeout, e.bad_response);
  fmt::format_to(out, "  {:<14}{:>14}\n", "reconnects", r.reconnects);
  fmt::format_to(out, "  {:<14}", "status");
  for (std::size_t i = 1; i < r.status_classes.size(); ++i) fmt::format_to(out, "  {}xx {}", i, r.status_classes[i]);
  fmt::format_to(out, "\n\n");
}

void latency_table(Out out, const LoadResult& r) {
  if (r.open_loop) {
    fmt::format_to(out, "  {:<14}{:>14}{:>14}\n", "latency", "corrected", "service time");
  } else {
    fmt::format_to(out, "  {:<14}{:>14}\n", "latency", "");
  }
  for (const auto& p : kReportedPercentiles) {
    fmt::format_to(out, "  {:<14}{:>14}", p.label, format_latency(r.latency.value_at_percentile(p.value)));
    if (r.open_loop) fmt::format_to(out, "{:>14}", format_latency(r.service_time.value_at_percentile(p.value)));
    fmt::format_to(out, "\n");
  }
  fmt::format_to(out, "  {:<14}{:>14}", "mean", format_latency(static_cast<std::uint64_t>(r.latency.mean())));
  if (r.open_loop) fmt::format_to(out, "{:>14}", format_latency(static_cast<std::uint64_t>(r.service_time.mean())));
  fmt::format_to(out, "\n");
}

void endpoint_table(Out out, const LoadResult& r) {
  if (r.endpoints.size() < 2) return;
  fmt::format_to(out, "\n  {:<14}{:>14}{:>14}{:>14}{:>14}\n", "endpoint", "requests", "p50", "p99", "max");
  for (const auto& e : r.endpoints) {
    fmt::format_to(out, "  {:<14}{:>14}{:>14}{:>14}{:>14}\n", e.name, e.requests,
                   format_latency(e.latency.value_at_percentile(50)), format_latency(e.latency.value_at_percentile(99)),
                   format_latency(e.latency.max()));
  }
}

}  // namespace

std::string format_summary(const LoadSpec& spec, const LoadResult& result) {
  std::string text;
  const Out out(text);
  header(out, spec);
  counts(out, result);
  latency_table(out, result);
  endpoint_table(out, result);
  return text;
}

}  // namespace apibench::loadgen
