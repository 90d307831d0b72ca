#include "runner/environment.hpp"

#include <sys/utsname.h>

#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <thread>

#include "runner/build_info.hpp"
#include "runner/command_output.hpp"

#ifndef APIBENCH_BUILD_TYPE
#define APIBENCH_BUILD_TYPE "unknown"
#endif
#ifndef APIBENCH_CXX_FLAGS
#define APIBENCH_CXX_FLAGS ""
#endif

namespace apibench::runner {
namespace {

std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// What a git command line prints, run at the source tree (stderr dropped); nullopt when it fails.
// The same commands as cmake/build_info_write.cmake's, so the build and the source tree compare.
std::optional<std::string> git_output(const std::filesystem::path& source_dir, const std::string& arguments) {
  // --no-optional-locks: this runs beside other people's git commands in a shared tree.
  const std::string git = "git --no-optional-locks -C " + shell_quoted(source_dir.string()) + " ";
  return command_output({"/bin/sh", "-c", "{ " + git + arguments + "; } 2>/dev/null"}, std::chrono::seconds(10));
}

bool is_hex(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::string short_commit(const CommitState& c) {
  return c.commit.substr(0, 12) + (c.dirty ? " with uncommitted changes" : "");
}

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

CommitState build_commit_state() {
  const BuildInfo b = build_info();
  return {std::string(b.commit), b.dirty, std::string(b.changes_id)};
}

CommitState source_commit_state(const std::filesystem::path& source_dir) {
  CommitState c;
  const auto head = git_output(source_dir, "rev-parse HEAD");
  if (!head || !is_hex(*head)) return c;
  c.commit = *head;
  c.dirty = !git_output(source_dir, "status --porcelain --untracked-files=no").value_or("").empty();
  if (c.dirty) {
    c.changes_id = git_output(source_dir, "diff --no-ext-diff --no-color HEAD | git hash-object --stdin").value_or("");
  }
  return c;
}

std::optional<std::string> build_source_mismatch(const CommitState& build, const CommitState& source) {
  if (build.commit == "unknown" || source.commit == "unknown") return std::nullopt;
  if (build.commit != source.commit || build.dirty != source.dirty) {
    return fmt::format("the programs were built from {} but the source tree is at {}: rebuild, or the results "
                       "are not those of the code you see", short_commit(build), short_commit(source));
  }
  if (build.dirty && build.changes_id != source.changes_id) {
    return fmt::format("the programs were built from {} with other uncommitted changes than the source tree has "
                       "now: rebuild, or the results are not those of the code you see", build.commit.substr(0, 12));
  }
  return std::nullopt;
}

Environment capture_environment(const std::filesystem::path& source_dir, const std::vector<std::string>& argv) {
  Environment e;
  e.build = build_commit_state();
  e.source = source_commit_state(source_dir);
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
  return {{"build_commit", e.build.commit},
          {"build_dirty", e.build.dirty},
          {"build_changes_id", e.build.changes_id},
          {"source_commit", e.source.commit},
          {"source_dirty", e.source.dirty},
          {"source_changes_id", e.source.changes_id},
          // Readers older than build_commit: the commit that produced the numbers.
          {"git_commit", e.build.commit},
          {"git_dirty", e.build.dirty},
          {"compiler", e.compiler},
          {"build_type", e.build_type},
          {"cxx_flags", e.cxx_flags},
          {"cpu_model", e.cpu_model},
          {"cpu_count", e.cpu_count},
          {"kernel", e.kernel},
          {"hostname", e.hostname},
          {"governor", e.governor},
          {"command_line", e.command_line},
          {"load_average", e.load_average}};
}

CommitState commit_state_from_json(const nlohmann::json& environment, const std::string& side) {
  const bool old_run = !environment.contains(side + "_commit");
  const auto text = [&](const std::string& key) {
    const auto it = environment.find(key);
    return it != environment.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  const auto flag = [&](const std::string& key) {
    const auto it = environment.find(key);
    return it != environment.end() && it->is_boolean() && it->get<bool>();
  };
  CommitState c;
  const std::string commit = text(old_run ? "git_commit" : side + "_commit");
  if (!commit.empty()) c.commit = commit;
  c.dirty = flag(old_run ? "git_dirty" : side + "_dirty");
  if (!old_run) c.changes_id = text(side + "_changes_id");
  return c;
}

std::vector<std::string> environment_warnings(const Environment& e) {
  std::vector<std::string> w;
  if (auto mismatch = build_source_mismatch(e.build, e.source)) w.push_back(*mismatch);
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
