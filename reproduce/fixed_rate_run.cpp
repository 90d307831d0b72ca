#include "reproduce/fixed_rate_run.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>

#include "loadgen/load.hpp"
#include "runner/cell.hpp"
#include "runner/child_process.hpp"
#include "runner/manifest.hpp"

namespace apibench::reproduce {
namespace fs = std::filesystem;
namespace {

constexpr auto kReadyTimeout = std::chrono::seconds(15);

std::optional<double> sweep_max_of(const report::RunData& run, const std::string& server, const std::string& workload) {
  const report::CellData* c = run.find(server, workload);
  return c && c->ok() && c->sweep ? c->sweep->max_rate : std::nullopt;
}

std::optional<double> common_json_rate(const report::RunData& run, const ReproduceConfig& config) {
  std::optional<double> lowest;
  for (const auto& s : config.servers()) {
    if (auto m = sweep_max_of(run, s, config.workloads.json_sweep)) lowest = std::min(lowest.value_or(*m), *m);
  }
  if (lowest) *lowest *= 0.5;
  return lowest;
}

const runner::Workload* workload_named(const runner::Suite& suite, const std::string& name) {
  for (const auto& w : suite.workloads) {
    if (w.name == name) return &w;
  }
  return nullptr;
}

FixedRateWindow window_of(const loadgen::LoadResult& r) {
  FixedRateWindow w;
  auto us = [](std::uint64_t ns) { return static_cast<double>(ns) / 1e3; };
  w.requests = r.requests;
  w.requests_per_second = r.requests_per_second();
  w.p50_us = us(r.latency.value_at_percentile(50));
  w.p99_us = us(r.latency.value_at_percentile(99));
  w.p999_us = us(r.latency.value_at_percentile(99.9));
  w.max_us = us(r.latency.max());
  w.errors = r.errors.total();
  for (std::size_t c = 0; c < r.status_classes.size(); ++c) w.errors += c == 2 ? 0 : r.status_classes[c];
  for (const auto& s : r.timeline) w.second_p99_us.push_back(us(s.p99_ns));
  return w;
}

loadgen::LoadSpec spec_for(const runner::Workload& w, const FixedRateSettings& s, unsigned port, double rate) {
  loadgen::LoadSpec spec;
  spec.port = static_cast<std::uint16_t>(port);
  const std::string host_port = fmt::format("127.0.0.1:{}", port);
  for (const auto& r : w.requests) spec.requests.push_back({w.name, runner::raw_request(r, host_port), r.weight});
  spec.connections = s.connections;
  spec.threads = static_cast<unsigned>(std::max<std::size_t>(1, s.load_cpus.size()));
  spec.cpus = s.load_cpus;
  spec.duration = s.duration;
  spec.warmup = s.warmup;
  spec.rate = rate;
  return spec;
}

void run_windows(FixedRateResult& out, const runner::Workload& w, const FixedRateSettings& s, unsigned port) {
  loadgen::LoadSpec spec = spec_for(w, s, port, out.rate);
  for (unsigned i = 0; i < s.repetitions; ++i) {
    out.windows.push_back(window_of(loadgen::run_load(spec)));
    spec.warmup = std::chrono::milliseconds(0);  // the first window's warm-up serves them all
  }
}

// One start of the server for all of its windows.
void run_server(const runner::ServerManifest& m, std::vector<FixedRateResult*>& results, const runner::Suite& suite,
                const FixedRateSettings& s) {
  try {
    runner::Placeholders p{s.build_dir, s.source_dir, runner::free_port(), static_cast<unsigned>(std::max<std::size_t>(1, s.server_cpus.size()))};
    runner::ChildProcess child({runner::expand_command(m, p), s.server_cpus, s.log_dir / fmt::format("{}-fixed-rate.log", m.name), {}});
    const runner::ReadyAddress ready = child.wait_ready(kReadyTimeout);
    for (FixedRateResult* r : results) {
      const runner::Workload* w = workload_named(suite, r->workload);
      if (w == nullptr) r->error = "the suite has no workload '" + r->workload + "'";
      else run_windows(*r, *w, s, ready.port);
      if (!r->windows.empty()) {
        fmt::print("  {} {} at {:.0f} req/s ({}): p99 {:.0f} us, p99.9 {:.0f} us\n", r->server, r->workload, r->rate,
                   r->purpose, r->windows.front().p99_us, r->windows.front().p999_us);
        std::fflush(stdout);
      }
    }
    child.stop();
  } catch (const std::exception& e) {
    for (FixedRateResult* r : results) {
      if (r->windows.empty() && r->error.empty()) r->error = e.what();
    }
  }
}

}  // namespace

std::vector<FixedRatePlan> plan_fixed_rates(const report::RunData& run, const ReproduceConfig& config) {
  std::vector<FixedRatePlan> plans;
  const auto common = common_json_rate(run, config);
  const auto& w = config.workloads;
  for (const auto& server : config.servers()) {
    const auto max = sweep_max_of(run, server, w.orders_sweep);
    for (const auto& [purpose, fraction] : {std::pair{kHalfOfMax, 0.5}, std::pair{kFourFifthsOfMax, 0.8}}) {
      plans.push_back({server, w.orders, purpose, max ? *max * fraction : 0,
                       max ? "" : "no POST /orders maximum from the sweep"});
    }
    plans.push_back({server, w.json, kCommonLoad, common.value_or(0), common ? "" : "no GET /json maximum from any sweep"});
  }
  return plans;
}

std::vector<FixedRateResult> run_fixed_rates(const std::vector<FixedRatePlan>& plans, const runner::Suite& suite,
                                             const FixedRateSettings& settings) {
  std::vector<FixedRateResult> results;
  for (const auto& p : plans) results.push_back({p.server, p.workload, p.purpose, p.rate, {}, p.error});
  const runner::ManifestSet manifests = runner::load_manifests(settings.source_dir);
  for (const auto& m : manifests.servers) {
    std::vector<FixedRateResult*> mine;
    for (auto& r : results) {
      if (r.server == m.name && r.error.empty()) mine.push_back(&r);
    }
    if (mine.empty()) continue;
    const std::string why = runner::unavailable_reason(m, {settings.build_dir, settings.source_dir, 0, 1});
    if (!why.empty()) {
      for (auto* r : mine) r->error = why;
      continue;
    }
    run_server(m, mine, suite, settings);
  }
  for (auto& r : results) {
    if (r.windows.empty() && r.error.empty()) r.error = "no manifest for this server";
  }
  return results;
}

}  // namespace apibench::reproduce
