# Run with `cmake -DSOURCE_DIR=... -DOUTPUT=... -P build_info_write.cmake` on every build
# (cmake/BuildInfo.cmake): writes OUTPUT, a C++ source with the commit SOURCE_DIR is at and
# its uncommitted changes, and rewrites it only when that text changes, so an unchanged tree
# rebuilds nothing. Outside a git checkout (a tarball) the commit is "unknown".
#
# The same git commands are run again at run time by runner/environment.cpp; the two must
# stay alike for the build and the source tree to be comparable.
set(commit "unknown")
set(dirty "false")
set(changes_id "")

find_package(Git QUIET)
if(GIT_FOUND)
  # --no-optional-locks: this runs beside other people's git commands in a shared tree.
  set(git "${GIT_EXECUTABLE}" --no-optional-locks -C "${SOURCE_DIR}")
  execute_process(COMMAND ${git} rev-parse HEAD OUTPUT_VARIABLE head RESULT_VARIABLE failed
                  OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
  if(NOT failed AND head MATCHES "^[0-9a-f]+$")
    set(commit "${head}")
    execute_process(COMMAND ${git} status --porcelain --untracked-files=no OUTPUT_VARIABLE status ERROR_QUIET)
    if(NOT status STREQUAL "")
      set(dirty "true")
      # Names the uncommitted changes, so a build and a run with different ones can be told apart.
      execute_process(COMMAND ${git} diff --no-ext-diff --no-color HEAD
                      COMMAND "${GIT_EXECUTABLE}" hash-object --stdin
                      OUTPUT_VARIABLE changes_id OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
    endif()
  endif()
endif()

set(text "// Written by cmake/build_info_write.cmake at build time: do not edit.
#include \"runner/build_info.hpp\"

namespace apibench::runner {

BuildInfo build_info() { return {\"${commit}\", ${dirty}, \"${changes_id}\"}; }

}  // namespace apibench::runner
")

set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
