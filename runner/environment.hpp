#pragma once
// The context every result carries: where, on what and how it was measured.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace apibench::runner {

struct Environment {
  std::string git_commit;
  bool git_dirty = false;
  std::string compiler;
  std::string build_type;
  std::string cxx_flags;
  std::string cpu_model;
  unsigned cpu_count = 0;
  std::string kernel;
  std::string hostname;
  std::string governor;  // empty when not readable
  std::string command_line;
  double load_average = 0;  // 1-minute, at the start: other work on the machine competes with the run
};

Environment capture_environment(const std::filesystem::path& source_dir, const std::vector<std::string>& argv);
nlohmann::json to_json(const Environment& e);

// Reasons the numbers of this build on this machine deserve less trust.
std::vector<std::string> environment_warnings(const Environment& e);

}  // namespace apibench::runner
