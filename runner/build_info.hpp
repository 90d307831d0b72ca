#pragma once
// The commit these programs were built from, read by the build itself
// (cmake/build_info_write.cmake writes the definition on every build).
#include <string_view>

namespace apibench::runner {

struct BuildInfo {
  std::string_view commit;      // the full hash, or "unknown" when built outside a git checkout
  bool dirty;                   // tracked files differed from the commit
  std::string_view changes_id;  // git's object id of `git diff HEAD` when dirty, else empty
};

BuildInfo build_info();

}  // namespace apibench::runner
