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

// A scenario's setup (a cache preload) goes once, first, with the warm-up.
void warm_up(const CellContext& ctx, const Workload& w, const loadgen::LoadSpec& spec,
             const std::optional<loadgen::LoadSpec>& background) {
  if (ctx.warmup.count() <= 0 && w.setup.empty()) return;
  loadgen::LoadSpec warm = spec;
  warm.duration = std::max(ctx.warmup, kShortestWarmup);
  for (const auto& r : w.setup) warm.setup.push_back(raw_request(r, fmt::format("{}:{}", spec.host, spec.port)));
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

void run_load_repetitions(const CellContext& ctx, const RunningServer& server, const Workload& w, unsigned connections,
                          CellResult& cell) {
  loadgen::LoadSpec spec = load_spec(ctx, w, w.name, w.requests, connections, server.port);
  auto background = background_spec(ctx, w, server.port);
  warm_up(ctx, w, spec, background);
  if (w.open_loop && !ctx.stopped()) {
    cell.open_loop = probe_and_offer(spec, *w.open_loop);
    if (cell.open_loop->probe_requests_per_second <= 0 && !ctx.stopped()) {
      cell.error = "the closed-loop probe got no responses, so there is no rate to offer";
      return;
    }
  }
  for (unsigned i = 0; i < ctx.repetitions && !ctx.stopped(); ++i) {
    Repetition rep = measure_repetition(server.pid, spec, background);
    if (auto how = server.gone(); !how.empty()) {
      throw std::runtime_error(fmt::format("the server died during repetition {} ({})", i + 1, how));
    }
    if (ctx.stopped()) break;  // cut short: its numbers cover less than the window
    cell.repetitions.push_back(std::move(rep));
  }
  if (ctx.stopped()) {
    cell.error = fmt::format("interrupted after {} of {} repetitions", cell.repetitions.size(), ctx.repetitions);
    return;
  }
  cell.error = no_response_reason(cell);
  cell.ok = cell.error.empty();
}

}  // namespace apibench::runner
