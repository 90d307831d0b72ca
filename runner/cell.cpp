#include "runner/cell.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fmt/format.h>
#include <stdexcept>

#include "alloccount/alloc_counter.hpp"
#include "runner/cell_server.hpp"

namespace apibench::runner {
namespace {

// After Ctrl-C the run must end within a second: no long goodbye for the server.
constexpr auto kStopGrace = std::chrono::seconds(5);
constexpr auto kInterruptedStopGrace = std::chrono::milliseconds(500);

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

}  // namespace

CellServer::CellServer(const CellContext& ctx, const ServerManifest& server, const Workload& workload,
                       unsigned connections)
    : child_(spawn_options(ctx, server, workload, connections)),
      port_(child_.wait_ready(ctx.ready_timeout, ctx.stop).port) {}

RunningServer CellServer::running() {
  return {child_.pid(), port_, [this]() -> std::string {
            if (child_.running()) return {};
            std::string how = child_.stop().description;
            return how + "; stderr: " + child_.stderr_tail(512);
          }};
}

void CellServer::stop(const CellContext& ctx, CellResult& cell) {
  auto exit = child_.stop(ctx.stopped() ? kInterruptedStopGrace : kStopGrace);
  alloccount::remove_counters(child_.pid());
  cell.server_exit = exit.description;
  if (!exit.clean && cell.ok) {
    cell.ok = false;
    cell.error = "server did not exit cleanly on SIGTERM: " + exit.description;
  }
}

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
    CellServer started(ctx, server, workload, connections);
    if (workload.kind == "idle") run_idle(ctx, started.process(), workload, connections, started.port(), cell);
    else if (workload.sweep) run_sweep_cell(ctx, workload, connections, started.port(), cell);
    else run_load_repetitions(ctx, started.running(), workload, connections, cell);
    started.stop(ctx, cell);
  } catch (const std::exception& e) {
    cell.ok = false;
    cell.error = ctx.stopped() ? std::string("interrupted: ") + e.what() : e.what();
  }
  return cell;
}

}  // namespace apibench::runner
