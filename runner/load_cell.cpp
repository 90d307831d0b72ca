#include "runner/load_cell.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <stdexcept>

#include "runner/measure.hpp"
#include "runner/open_loop.hpp"

namespace apibench::runner {
namespace {

constexpr auto kShortestWarmup = std::chrono::milliseconds(100);  // when only a setup needs sending

std::optional<loadgen::LoadSpec> background_spec(const CellContext& ctx, const Workload& w, unsigned port) {
  if (!w.background) return std::nullopt;
  return load_spec(ctx, w, w.name + "-background", w.background->requests, w.background->connections, port);
}

// Why a cell whose every repetition got no response failed; empty when one got some.
std::string no_response_reason(const CellResult& cell) {
  for (const auto& r : cell.repetitions) {
    if (r.load.requests > 0) return {};
  }
  const auto& e = cell.repetitions.front().load.errors;
  return fmt::format("no request was answered (errors: {} connect, {} read, {} write, {} timeout, {} bad response)",
                     e.connect, e.read, e.write, e.timeout, e.bad_response);
}

// A scenario's setup (a cache preload) goes once, first, with the first warm-up.
void warm_up(const CellContext& ctx, const Workload& w, const loadgen::LoadSpec& spec,
             const std::optional<loadgen::LoadSpec>& background, std::chrono::milliseconds length, bool with_setup) {
  if (ctx.stopped()) return;
  const bool setup = with_setup && !w.setup.empty();
  if (length.count() <= 0 && !setup) return;
  loadgen::LoadSpec warm = spec;
  warm.duration = std::max(length, kShortestWarmup);
  if (setup) {
    for (const auto& r : w.setup) warm.setup.push_back(raw_request(r, fmt::format("{}:{}", spec.host, spec.port)));
  }
  auto warm_background = background;
  if (warm_background) warm_background->duration = warm.duration;
  run_unmeasured(warm, warm_background);
}

}  // namespace

loadgen::LoadSpec load_spec(const CellContext& ctx, const Workload& w, const std::string& name,
                            const std::vector<WorkloadRequest>& requests, unsigned connections, unsigned port) {
  loadgen::LoadSpec spec;
  spec.port = static_cast<std::uint16_t>(port);
  std::string host_port = fmt::format("{}:{}", spec.host, port);
  for (const auto& r : requests) spec.requests.push_back({name, raw_request(r, host_port), r.weight});
  spec.connections = connections;
  spec.threads = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(ctx.pinning.load.size(), connections)));
  spec.cpus = ctx.pinning.load;
  spec.duration = measured_window(ctx, w);
  spec.warmup = std::chrono::milliseconds(0);
  spec.stop = ctx.stop;
  return spec;
}

LoadCellRun::LoadCellRun(const CellContext& ctx, RunningServer server, const Workload& w, unsigned connections,
                         CellResult& cell, std::optional<SweepMaximum> from_sweep)
    : ctx_(ctx),
      server_(std::move(server)),
      workload_(w),
      cell_(cell),
      spec_(load_spec(ctx, w, w.name, w.requests, connections, server_.port)),
      background_(background_spec(ctx, w, server_.port)),
      from_sweep_(std::move(from_sweep)) {}

bool LoadCellRun::prepare() {
  prepared_ = true;
  const bool rate_from_sweep = workload_.open_loop && !workload_.open_loop->max_from.empty();
  if (rate_from_sweep && (!from_sweep_ || from_sweep_->requests_per_second <= 0)) {
    cell_.error = from_sweep_ ? from_sweep_->why_none : "no sweep maximum to offer a fraction of";
    return false;
  }
  warm_up(ctx_, workload_, spec_, background_, ctx_.warmup, /*with_setup=*/true);
  if (!workload_.open_loop || ctx_.stopped()) return true;
  if (rate_from_sweep) {
    cell_.open_loop = offer_from_sweep(spec_, *workload_.open_loop, *from_sweep_);
    return true;
  }
  cell_.open_loop = probe_and_offer(spec_, *workload_.open_loop);
  if (cell_.open_loop->probe_requests_per_second <= 0 && !ctx_.stopped()) {
    cell_.error = "the closed-loop probe got no responses, so there is no rate to offer";
    return false;
  }
  return true;
}

void LoadCellRun::rewarm() {
  if (prepared_ && !ctx_.stopped()) {
    warm_up(ctx_, workload_, spec_, background_, std::min(ctx_.warmup, kTurnWarmup), /*with_setup=*/false);
  }
}

bool LoadCellRun::take_repetition(unsigned round) {
  if (!prepared_ && !prepare()) return false;
  for (unsigned attempt = 1; !ctx_.stopped(); ++attempt) {
    const NoiseWatch watch(ctx_.pinning);
    Repetition rep = measure_repetition(server_.pid, spec_, background_);
    if (auto how = server_.gone(); !how.empty()) {
      throw std::runtime_error(
          fmt::format("the server died during repetition {} ({})", cell_.repetitions.size() + 1, how));
    }
    if (ctx_.stopped()) break;  // cut short: its numbers cover less than the window
    rep.noise = watch.finish(rep.server.cpu_seconds);
    rep.round = round;
    std::string noisy = noise_reason(rep.noise);
    if (noisy.empty() || attempt == kWindowTries) {  // the last try is kept, its noise recorded beside it
      cell_.repetitions.push_back(std::move(rep));
      return true;
    }
    cell_.redone.push_back({round, std::move(noisy)});
  }
  return false;
}

void LoadCellRun::finish() {
  if (!cell_.error.empty()) return;  // prepare() said why: no probe answer, or no sweep maximum
  if (ctx_.stopped()) {
    cell_.error = fmt::format("interrupted after {} of {} repetitions", cell_.repetitions.size(), ctx_.repetitions);
    return;
  }
  cell_.error = no_response_reason(cell_);
  cell_.ok = cell_.error.empty();
}

void run_load_repetitions(const CellContext& ctx, const RunningServer& server, const Workload& w, unsigned connections,
                          CellResult& cell) {
  LoadCellRun run(ctx, server, w, connections, cell);
  for (unsigned i = 0; i < ctx.repetitions && run.take_repetition(i + 1); ++i) {
  }
  run.finish();
}

}  // namespace apibench::runner
