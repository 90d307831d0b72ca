#pragma once
// The context every result carries: where, on what and how it was measured.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace apibench::runner {

// What git says about a tree: the one the programs were built from, or the source tree when they run.
struct CommitState {
  std::string commit = "unknown";  // the full hash; "unknown" outside a git checkout
  bool dirty = false;              // tracked files differ from the commit
  std::string changes_id;          // git's object id of `git diff HEAD` when dirty: tells two sets of changes apart
};

struct Environment {
  CommitState build;   // read by the build itself (runner/build_info.hpp): what produced the numbers
  CommitState source;  // read when the run starts: what a reader of the results would look at
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
// One side ("build" or "source") of an environment to_json wrote, or an older one with only
// git_commit and git_dirty: both sides then read those, so no mismatch is made up.
CommitState commit_state_from_json(const nlohmann::json& environment, const std::string& side);

// The build's commit state, as recorded by the build.
CommitState build_commit_state();
// The commit state of the tree at `source_dir` now.
CommitState source_commit_state(const std::filesystem::path& source_dir);

// A one-line warning when the programs were not built from the source tree as it is now (another
// commit, or other uncommitted changes); nothing when they match or either side is unknown.
std::optional<std::string> build_source_mismatch(const CommitState& build, const CommitState& source);

// Reasons the numbers of this build on this machine deserve less trust.
std::vector<std::string> environment_warnings(const Environment& e);

}  // namespace apibench::runner
