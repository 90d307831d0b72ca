#include "runner/environment.hpp"

#include <sys/utsname.h>
#include <unistd.h>

#include <array>
#include <fmt/format.h>
#include <cstdio>
#include <fstream>
#include <thread>

#ifndef APIBENCH_BUILD_TYPE
#define APIBENCH_BUILD_TYPE "unknown"
#endif
#ifndef APIBENCH_CXX_FLAGS
#define APIBENCH_CXX_FLAGS ""
#endif

namespace apibench::runner {
namespace {

// Output of a command with its stderr dropped; empty on failure.
std::string command_output(const std::string& command) {
  std::string out;
  FILE* p = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  std::array<char, 512> buf;
  while (std::fgets(buf.data(), buf.size(), p)) out += buf.data();
  ::pclose(p);
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string first_line_of(const std::string& file) {
  std::ifstream in(file);
  std::string line;
  std::getline(in, line);
  return line;
}

std::string cpu_model() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("model name", 0) == 0) {
      auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(colon + 2);
    }
  }
  return "unknown";
}

}  // namespace

Environment capture_environment(const std::filesystem::path& source_dir, const std::vector<std::string>& argv) {
  Environment e;
  std::string git = "git -C " + quoted(source_dir.string());
  e.git_commit = command_output(git + " rev-parse HEAD");
  e.git_dirty = !command_output(git + " status --porcelain --untracked-files=no").empty();
  e.compiler = __VERSION__;
  e.build_type = APIBENCH_BUILD_TYPE;
  e.cxx_flags = APIBENCH_CXX_FLAGS;
  e.cpu_model = cpu_model();
  e.cpu_count = std::thread::hardware_concurrency();
  utsname u{};
  if (::uname(&u) == 0) {
    e.kernel = std::string(u.sysname) + " " + u.release;
    e.hostname = u.nodename;
  }
  e.governor = first_line_of("/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor");
  std::ifstream("/proc/loadavg") >> e.load_average;
  for (const auto& a : argv) e.command_line += (e.command_line.empty() ? "" : " ") + a;
  return e;
}

nlohmann::json to_json(const Environment& e) {
  return {{"git_commit", e.git_commit}, {"git_dirty", e.git_dirty}, {"compiler", e.compiler},
          {"build_type", e.build_type}, {"cxx_flags", e.cxx_flags}, {"cpu_model", e.cpu_model},
          {"cpu_count", e.cpu_count},   {"kernel", e.kernel},       {"hostname", e.hostname},
          {"governor", e.governor},     {"command_line", e.command_line}, {"load_average", e.load_average}};
}

std::vector<std::string> environment_warnings(const Environment& e) {
  std::vector<std::string> w;
  if (e.build_type != "Release" && e.build_type != "RelWithDebInfo") {
    w.push_back("this is a " + e.build_type + " build: numbers are not representative");
  }
  if (!e.governor.empty() && e.governor != "performance") {
    w.push_back("CPU frequency governor is '" + e.governor + "', not 'performance'");
  }
  if (e.load_average >= 1.0) {
    w.push_back(fmt::format("the 1-minute load average was {:.2f} at the start: other work competes for the CPUs",
                            e.load_average));
  }
  return w;
}

}  // namespace apibench::runner
