#include "runner/server_build.hpp"

#include <sys/stat.h>

#include <ctime>
#include <fmt/format.h>
#include <sstream>

#include "runner/command_output.hpp"

namespace apibench::runner {
namespace {

constexpr auto kVersionTimeout = std::chrono::seconds(2);

// readelf -p prints "  [     0]  GCC: (Debian 12.2.0-14) 12.2.0"; keep the text, one per line.
std::string elf_comment(const std::string& program) {
  auto out = command_output({"readelf", "-p", ".comment", program}, kVersionTimeout);
  if (!out) return {};
  std::istringstream lines(*out);
  std::string line, joined;
  while (std::getline(lines, line)) {
    auto bracket = line.find(']');
    if (line.find('[') == std::string::npos || bracket == std::string::npos) continue;
    auto text = line.substr(line.find_first_not_of(' ', bracket + 1));
    if (joined.find(text) == std::string::npos) joined += (joined.empty() ? "" : "; ") + text;
  }
  return joined;
}

std::string toolchain_of(const std::string& program) {
  // "<path>: go1.26.8" for a Go binary; for any other binary go says so on stderr (and old gos exit 0).
  auto go = command_output({"go", "version", program}, kVersionTimeout);
  if (go && go->starts_with(program + ": go")) return go->substr(program.size() + 2);
  return elf_comment(program);
}

std::string modification_time(const std::string& program) {
  struct stat st {};
  if (::stat(program.c_str(), &st) != 0) return {};
  std::tm tm{};
  gmtime_r(&st.st_mtime, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

}  // namespace

ServerBuild describe_server_build(const ServerManifest& m, const Placeholders& p) {
  ServerBuild b;
  b.program = expand_command(m, p).front();
  std::vector<std::string> version_argv =
      m.version_command.empty() ? std::vector<std::string>{b.program, "--version"} : expand_placeholders(m.version_command, p);
  b.version = command_output(version_argv, kVersionTimeout).value_or("");
  b.toolchain = toolchain_of(b.program);
  b.modified = modification_time(b.program);
  return b;
}

nlohmann::json to_json(const ServerBuild& b) {
  return {{"program", b.program}, {"version", b.version}, {"toolchain", b.toolchain}, {"modified", b.modified}};
}

}  // namespace apibench::runner
