#include "runner/cpu_sets.hpp"

#include <sched.h>

#include <algorithm>
#include <stdexcept>

#include "loadgen/cpu_list.hpp"

namespace apibench::runner {
std::vector<int> parse_cpu_list(std::string_view text) {
  auto cpus = loadgen::parse_cpu_list(text);
  if (!cpus || cpus->empty() || cpus->back() >= CPU_SETSIZE) {
    throw std::invalid_argument("bad CPU list '" + std::string(text) + "' (expected e.g. 0,2-3)");
  }
  std::sort(cpus->begin(), cpus->end());
  cpus->erase(std::unique(cpus->begin(), cpus->end()), cpus->end());
  return *cpus;
}

std::string format_cpu_list(const std::vector<int>& cpus) {
  std::string out;
  for (int c : cpus) {
    if (!out.empty()) out += ',';
    out += std::to_string(c);
  }
  return out;
}

std::vector<int> allowed_cpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  std::vector<int> cpus;
  if (sched_getaffinity(0, sizeof set, &set) != 0) return {0};
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(c, &set)) cpus.push_back(c);
  }
  return cpus;
}

Pinning choose_pinning(const std::vector<int>& allowed, const std::vector<int>& server_cpus,
                       const std::vector<int>& load_cpus) {
  Pinning p;
  std::size_t half = std::max<std::size_t>(1, allowed.size() / 2);
  p.server = !server_cpus.empty() ? server_cpus : std::vector<int>(allowed.begin(), allowed.begin() + half);
  if (!load_cpus.empty()) {
    p.load = load_cpus;
  } else {
    for (int c : allowed) {
      if (std::find(p.server.begin(), p.server.end(), c) == p.server.end()) p.load.push_back(c);
    }
    if (p.load.empty()) p.load = p.server;
  }
  for (int c : p.load) {
    if (std::find(p.server.begin(), p.server.end(), c) != p.server.end()) {
      p.warnings.push_back("server and load generator share CPU " + std::to_string(c) +
                           ": throughput and latency are both understated");
      break;
    }
  }
  return p;
}

}  // namespace apibench::runner
