#include "runner/cell.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>
#include <stdexcept>

#include "alloccount/alloc_counter.hpp"
#include "runner/child_process.hpp"
#include "runner/measure.hpp"

namespace apibench::runner {
namespace {

// After Ctrl-C the run must end within a second: no long goodbye for the server.
constexpr auto kStopGrace = std::chrono::seconds(5);
constexpr auto kInterruptedStopGrace = std::chrono::milliseconds(500);
constexpr auto kShortestWarmup = std::chrono::milliseconds(100);  // when only a setup needs sending

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

std::optional<loadgen::LoadSpec> background_spec(const CellContext& ctx, const Workload& w, unsigned port) {
  if (!w.background) return std::nullopt;
  return load_spec(ctx, w, w.name + "-background", w.background->requests, w.background->connections, port);
}

SpawnOptions spawn_options(const CellContext& ctx, const ServerManifest& server, const Workload& workload,
                           unsigned connections) {
  Placeholders p = ctx.paths;
  p.port = free_port();
  p.threads = static_cast<unsigned>(ctx.pinning.server.size());
  SpawnOptions spawn{expand_command(server, p), ctx.pinning.server,
                     ctx.log_dir / fmt::format("{}-{}-c{}.log", server.name, workload.name, connections), {}};
  if (!ctx.alloc_preload.empty()) spawn.env.push_back("LD_PRELOAD=" + ctx.alloc_preload.string());
  return spawn;
}

[[noreturn]] void throw_server_died(ChildProcess& child, std::size_t repetition) {
  std::string how = child.stop().description;
  throw std::runtime_error(fmt::format("the server died during repetition {} ({}); stderr: {}", repetition, how,
                                       child.stderr_tail(512)));
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

void run_repetitions(const CellContext& ctx, ChildProcess& child, const Workload& w, unsigned connections,
                     unsigned port, CellResult& cell) {
  loadgen::LoadSpec spec = load_spec(ctx, w, w.name, w.requests, connections, port);
  auto background = background_spec(ctx, w, port);
  if (ctx.warmup.count() > 0 || !w.setup.empty()) {  // a scenario's setup (a cache preload) goes once, first
    loadgen::LoadSpec warm = spec;
    warm.duration = std::max(ctx.warmup, kShortestWarmup);
    for (const auto& r : w.setup) warm.setup.push_back(raw_request(r, fmt::format("{}:{}", spec.host, port)));
    auto warm_background = background;
    if (warm_background) warm_background->duration = warm.duration;
    run_unmeasured(warm, warm_background);
  }
  for (unsigned i = 0; i < ctx.repetitions && !ctx.stopped(); ++i) {
    Repetition rep = measure_repetition(child.pid(), spec, background);
    if (!child.running()) throw_server_died(child, i + 1);
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

void run_idle(const CellContext& ctx, ChildProcess& child, const Workload& w, unsigned connections, unsigned port,
              CellResult& cell) {
  std::string request = raw_request(w.requests.front(), fmt::format("127.0.0.1:{}", port));
  cell.idle = hold_idle_connections(child.pid(), "127.0.0.1", static_cast<std::uint16_t>(port), connections, request,
                                    ctx.stop);
  cell.ok = cell.idle->answered == connections && !ctx.stopped();
  cell.error = ctx.stopped() ? "interrupted" : cell.idle->error;
}

void run_sweep_cell(const CellContext& ctx, const Workload& w, unsigned connections, unsigned port, CellResult& cell) {
  cell.sweep = loadgen::run_sweep(load_spec(ctx, w, w.name, w.requests, connections, port), *w.sweep);
  cell.ok = !cell.sweep->steps.empty() && !ctx.stopped();
  if (ctx.stopped()) cell.error = "interrupted during the sweep";
  else if (!cell.ok) cell.error = "the closed-loop probe got no responses";
}

// Stops the server; a server that does not end cleanly on SIGTERM fails the cell.
void stop_server(const CellContext& ctx, ChildProcess& child, CellResult& cell) {
  auto exit = child.stop(ctx.stopped() ? kInterruptedStopGrace : kStopGrace);
  alloccount::remove_counters(child.pid());
  cell.server_exit = exit.description;
  if (!exit.clean && cell.ok) {
    cell.ok = false;
    cell.error = "server did not exit cleanly on SIGTERM: " + exit.description;
  }
}

}  // namespace

std::chrono::milliseconds measured_window(const CellContext& ctx, const Workload& workload) {
  return workload.duration && !ctx.duration_from_command_line ? *workload.duration : ctx.duration;
}

unsigned free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof addr;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0) {
    ::close(fd);
    throw std::runtime_error("cannot find a free port");
  }
  ::close(fd);
  return ntohs(addr.sin_port);
}

CellResult run_cell(const CellContext& ctx, const ServerManifest& server, const Workload& workload,
                    unsigned connections) {
  CellResult cell(server.name, workload.name, connections);
  try {
    ChildProcess child(spawn_options(ctx, server, workload, connections));
    unsigned port = child.wait_ready(ctx.ready_timeout, ctx.stop).port;
    if (workload.kind == "idle") run_idle(ctx, child, workload, connections, port, cell);
    else if (workload.sweep) run_sweep_cell(ctx, workload, connections, port, cell);
    else run_repetitions(ctx, child, workload, connections, port, cell);
    stop_server(ctx, child, cell);
  } catch (const std::exception& e) {
    cell.ok = false;
    cell.error = ctx.stopped() ? std::string("interrupted: ") + e.what() : e.what();
  }
  return cell;
}

}  // namespace apibench::runner
