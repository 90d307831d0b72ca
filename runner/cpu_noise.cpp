#include "runner/cpu_noise.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>

namespace apibench::runner {
namespace {

double self_cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return seconds(u.ru_utime) + seconds(u.ru_stime);
}

double share(double seconds, double window_seconds, std::size_t cpus) {
  if (window_seconds <= 0 || cpus == 0) return 0;
  return std::clamp(seconds / (window_seconds * static_cast<double>(cpus)), 0.0, 1.0);
}

}  // namespace

std::optional<CpuCounters> parse_cpu_counters(const std::string& proc_stat, const std::vector<int>& cpus) {
  static const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  std::set<int> wanted(cpus.begin(), cpus.end());
  CpuCounters sum;
  std::size_t found = 0;
  std::istringstream lines(proc_stat);
  for (std::string line; std::getline(lines, line);) {
    int cpu = -1;
    unsigned long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
    if (std::sscanf(line.c_str(), "cpu%d %llu %llu %llu %llu %llu %llu %llu %llu", &cpu, &user, &nice, &system, &idle,
                    &iowait, &irq, &softirq, &steal) != 9 ||
        !wanted.count(cpu)) {
      continue;
    }
    sum.busy_seconds += static_cast<double>(user + nice + system) / tick;
    sum.steal_seconds += static_cast<double>(steal) / tick;
    ++found;
  }
  if (found != wanted.size()) return std::nullopt;
  return sum;
}

std::optional<CpuCounters> read_cpu_counters(const std::vector<int>& cpus) {
  std::ifstream in("/proc/stat");
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return parse_cpu_counters(text.str(), cpus);
}

std::string noise_reason(const WindowNoise& n) {
  if (n.steal > kStealLimit) return fmt::format("the hypervisor stole {:.0f}% of the CPUs", n.steal * 100);
  if (n.others_on_server_cpus > kOthersLimit) {
    return fmt::format("other processes used {:.0f}% of the server CPUs", n.others_on_server_cpus * 100);
  }
  if (n.others_on_load_cpus > kOthersLimit) {
    return fmt::format("other processes used {:.0f}% of the load CPUs", n.others_on_load_cpus * 100);
  }
  return {};
}

NoiseWatch::NoiseWatch(const Pinning& pinning)
    : pinning_(pinning),
      shared_(std::any_of(pinning.server.begin(), pinning.server.end(),
                          [&](int c) { return std::count(pinning.load.begin(), pinning.load.end(), c) > 0; })),
      start_(std::chrono::steady_clock::now()),
      server_(read_cpu_counters(pinning.server)),
      load_(read_cpu_counters(pinning.load)),
      self_seconds_(self_cpu_seconds()) {}

WindowNoise NoiseWatch::finish(double server_cpu_seconds) const {
  WindowNoise n;
  const double window = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  auto server = read_cpu_counters(pinning_.server);
  auto load = read_cpu_counters(pinning_.load);
  if (!server_ || !load_ || !server || !load || shared_) return n;  // nothing to tell apart
  const double self = self_cpu_seconds() - self_seconds_;
  n.steal = share(server->steal_seconds - server_->steal_seconds + load->steal_seconds - load_->steal_seconds, window,
                  pinning_.server.size() + pinning_.load.size());
  n.others_on_server_cpus = share(server->busy_seconds - server_->busy_seconds - server_cpu_seconds, window,
                                  pinning_.server.size());
  n.others_on_load_cpus = share(load->busy_seconds - load_->busy_seconds - self, window, pinning_.load.size());
  return n;
}

}  // namespace apibench::runner
