#include "runner/cpu_sets.hpp"

#include <sched.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace apibench::runner {
namespace {

int parse_cpu(std::string_view s, std::string_view whole) {
  int v = -1;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || v < 0 || v >= CPU_SETSIZE) {
    throw std::invalid_argument("bad CPU list '" + std::string(whole) + "' (expected e.g. 0,2-3)");
  }
  return v;
}

}  // namespace

std::vector<int> parse_cpu_list(std::string_view text) {
  std::vector<int> cpus;
  std::string_view rest = text;
  while (!rest.empty() || cpus.empty()) {
    auto comma = rest.find(',');
    std::string_view item = rest.substr(0, comma);
    auto dash = item.find('-');
    int lo = parse_cpu(item.substr(0, dash), text);
    int hi = dash == std::string_view::npos ? lo : parse_cpu(item.substr(dash + 1), text);
    if (hi < lo) throw std::invalid_argument("bad CPU range in '" + std::string(text) + "'");
    for (int c = lo; c <= hi; ++c) cpus.push_back(c);
    if (comma == std::string_view::npos) break;
    rest = rest.substr(comma + 1);
    if (rest.empty()) throw std::invalid_argument("bad CPU list '" + std::string(text) + "'");
  }
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  return cpus;
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
