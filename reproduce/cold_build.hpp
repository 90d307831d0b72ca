#pragma once
// Cold build time of one server: the manifest's build target ("build": {"cmake_target"})
// built in a fresh, empty build tree, so nothing is reused from earlier builds.
#include <filesystem>
#include <optional>
#include <string>

namespace apibench::reproduce {

struct ColdBuild {
  std::optional<double> seconds;  // the target's build, the configure step not included
  std::string note;               // what was timed, or why it failed
};

// Reads the target from the manifest file; configures source_dir into a temporary
// directory (Release, tests and benchmarks off) and times `cmake --build --target`.
ColdBuild time_cold_build(const std::filesystem::path& manifest, const std::filesystem::path& source_dir);

}  // namespace apibench::reproduce
