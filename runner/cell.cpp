#include "runner/cell.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <fmt/format.h>
#include <stdexcept>
#include <thread>

#include "alloccount/alloc_counter.hpp"
#include "runner/child_process.hpp"
#include "runner/proc_stats.hpp"

namespace apibench::runner {
namespace {

constexpr auto kReadyTimeout = std::chrono::seconds(15);

// Samples the server's RSS while a repetition runs, for its peak and mean.
class RssSampler {
 public:
  explicit RssSampler(pid_t pid)
      : thread_([this, pid] {
          while (!done_.load()) {
            if (auto s = read_tree_stats(pid)) {
              peak_ = std::max(peak_, s->rss_bytes);
              sum_ += s->rss_bytes;
              ++samples_;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
        }) {}
  void finish(ServerSample& out) {
    done_ = true;
    thread_.join();
    out.rss_peak_bytes = peak_;
    out.rss_mean_bytes = samples_ ? sum_ / samples_ : 0;
  }

 private:
  std::atomic<bool> done_{false};
  std::uint64_t peak_ = 0, sum_ = 0, samples_ = 0;
  std::thread thread_;
};

loadgen::LoadSpec load_spec(const CellContext& ctx, const Workload& w, unsigned connections, unsigned port) {
  loadgen::LoadSpec spec;
  spec.port = static_cast<std::uint16_t>(port);
  std::string host_port = fmt::format("{}:{}", spec.host, port);
  for (const auto& r : w.requests) spec.requests.push_back({w.name, raw_request(r, host_port), r.weight});
  spec.connections = connections;
  spec.threads = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(ctx.pinning.load.size(), connections)));
  spec.cpus = ctx.pinning.load;
  spec.duration = ctx.duration;
  spec.warmup = std::chrono::milliseconds(0);
  return spec;
}

// Allocation counters summed over the server's process tree; nullopt when no
// process in it runs under the counting library (static binaries, wrappers).
std::optional<alloccount::Snapshot> tree_counters(pid_t pid) {
  std::optional<alloccount::Snapshot> total;
  for (pid_t p : process_tree(pid)) {
    if (auto s = alloccount::read_counters(p)) {
      if (!total) total = alloccount::Snapshot{};
      total->allocations += s->allocations;
      total->frees += s->frees;
      total->bytes += s->bytes;
    }
  }
  return total;
}

std::optional<double> per_request(const std::optional<alloccount::Snapshot>& before,
                                  const std::optional<alloccount::Snapshot>& after, std::uint64_t requests) {
  if (!before || !after || requests == 0) return std::nullopt;
  return static_cast<double>(after->allocations - before->allocations) / static_cast<double>(requests);
}

Repetition measure(pid_t pid, const loadgen::LoadSpec& spec) {
  Repetition rep;
  auto allocs_before = tree_counters(pid);
  auto before = read_tree_stats(pid);
  RssSampler rss(pid);
  rep.load = loadgen::run_load(spec);
  rss.finish(rep.server);
  auto after = read_tree_stats(pid);
  rep.server.allocations_per_request = per_request(allocs_before, tree_counters(pid), rep.load.requests);
  if (!before || !after) throw std::runtime_error("the server exited during the measurement");
  rep.server.cpu_seconds = after->cpu_seconds - before->cpu_seconds;
  if (rep.load.requests > 0) {
    rep.server.cpu_us_per_request = rep.server.cpu_seconds * 1e6 / static_cast<double>(rep.load.requests);
  }
  rep.server.threads = after->threads;
  rep.server.voluntary_switches = after->voluntary_switches - before->voluntary_switches;
  rep.server.involuntary_switches = after->involuntary_switches - before->involuntary_switches;
  return rep;
}

}  // namespace

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
    Placeholders p = ctx.paths;
    p.port = free_port();
    p.threads = static_cast<unsigned>(ctx.pinning.server.size());
    SpawnOptions spawn{expand_command(server, p), ctx.pinning.server,
                       ctx.log_dir / fmt::format("{}-{}-c{}.log", server.name, workload.name, connections), {}};
    if (!ctx.alloc_preload.empty()) spawn.env.push_back("LD_PRELOAD=" + ctx.alloc_preload.string());
    ChildProcess child(spawn);
    ReadyAddress ready = child.wait_ready(kReadyTimeout);
    if (workload.kind == "idle") {
      cell.idle = hold_idle_connections(child.pid(), "127.0.0.1", ready.port, connections,
                                        raw_request(workload.requests.front(), fmt::format("127.0.0.1:{}", ready.port)));
      cell.ok = cell.idle->answered == connections;
      cell.error = cell.idle->error;
      cell.server_exit = child.stop().description;
      return cell;
    }
    loadgen::LoadSpec spec = load_spec(ctx, workload, connections, ready.port);
    if (workload.sweep) {
      cell.sweep = loadgen::run_sweep(spec, *workload.sweep);
      cell.ok = !cell.sweep->steps.empty();
      if (!cell.ok) cell.error = "the closed-loop probe got no responses";
      cell.server_exit = child.stop().description;
      return cell;
    }
    if (ctx.warmup.count() > 0) {
      loadgen::LoadSpec warm = spec;
      warm.duration = ctx.warmup;
      loadgen::run_load(warm);
    }
    for (unsigned i = 0; i < ctx.repetitions && !(ctx.interrupted && *ctx.interrupted); ++i) {
      cell.repetitions.push_back(measure(child.pid(), spec));
    }
    auto exit = child.stop();
    alloccount::remove_counters(child.pid());
    cell.server_exit = exit.description;
    cell.ok = !cell.repetitions.empty();
    if (!exit.clean) cell.error = "server did not exit cleanly on SIGTERM: " + exit.description;
    if (cell.repetitions.empty()) cell.error = "interrupted before the first repetition";
  } catch (const std::exception& e) {
    cell.ok = false;
    cell.error = e.what();
  }
  return cell;
}

}  // namespace apibench::runner
