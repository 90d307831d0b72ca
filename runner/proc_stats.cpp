#include "runner/proc_stats.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace apibench::runner {
namespace {

bool read_stat(pid_t pid, ProcStats& s) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string text;
  if (!std::getline(in, text)) return false;
  // The command name sits in parentheses and may hold spaces: fields start after the last ')'.
  auto close = text.rfind(')');
  if (close == std::string::npos) return false;
  std::istringstream fields(text.substr(close + 2));
  std::string skip;
  unsigned long long utime = 0, stime = 0;
  long threads = 0;
  // field 3 (state) is the first after ')'; utime is field 14, stime 15, num_threads 20
  for (int field = 3; field <= 20; ++field) {
    if (field == 14) fields >> utime;
    else if (field == 15) fields >> stime;
    else if (field == 20) fields >> threads;
    else fields >> skip;
  }
  if (!fields) return false;
  const double tick = static_cast<double>(::sysconf(_SC_CLK_TCK));
  s.user_seconds = static_cast<double>(utime) / tick;
  s.system_seconds = static_cast<double>(stime) / tick;
  s.cpu_seconds = s.user_seconds + s.system_seconds;
  s.threads = threads;
  return true;
}

void read_status(pid_t pid, ProcStats& s) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string key;
  std::uint64_t value = 0;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream l(line);
    l >> key >> value;
    if (key == "VmRSS:") s.rss_bytes = value * 1024;
    else if (key == "VmHWM:") s.peak_rss_bytes = value * 1024;
    else if (key == "voluntary_ctxt_switches:") s.voluntary_switches = value;
    else if (key == "nonvoluntary_ctxt_switches:") s.involuntary_switches = value;
  }
}

}  // namespace

std::vector<pid_t> process_tree(pid_t pid) {
  std::vector<pid_t> tree{pid};
  for (std::size_t i = 0; i < tree.size(); ++i) {
    std::string task_dir = "/proc/" + std::to_string(tree[i]) + "/task";
    std::error_code ec;
    for (const auto& task : std::filesystem::directory_iterator(task_dir, ec)) {
      std::ifstream children(task.path() / "children");
      pid_t child = 0;
      while (children >> child) tree.push_back(child);
    }
  }
  return tree;
}

std::optional<ProcStats> read_tree_stats(pid_t pid) {
  std::optional<ProcStats> total = read_proc_stats(pid);
  if (!total) return std::nullopt;
  std::vector<pid_t> tree = process_tree(pid);
  for (std::size_t i = 1; i < tree.size(); ++i) {
    if (auto s = read_proc_stats(tree[i])) {
      total->cpu_seconds += s->cpu_seconds;
      total->user_seconds += s->user_seconds;
      total->system_seconds += s->system_seconds;
      total->rss_bytes += s->rss_bytes;
      total->peak_rss_bytes += s->peak_rss_bytes;
      total->threads += s->threads;
      total->voluntary_switches += s->voluntary_switches;
      total->involuntary_switches += s->involuntary_switches;
    }
  }
  return total;
}

std::optional<ProcStats> read_proc_stats(pid_t pid) {
  ProcStats s;
  if (!read_stat(pid, s)) return std::nullopt;
  read_status(pid, s);
  return s;
}

}  // namespace apibench::runner
