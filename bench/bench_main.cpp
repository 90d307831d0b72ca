// The main of every bm_* program: Google Benchmark's own, plus the build's
// context in its output (console and JSON "context"), so a results file says
// what was measured: our build type and flags, the compiler, the commit built
// and the source tree's commit when it ran.
// Google Benchmark's "library_build_type" is only that of Debian's libbenchmark.
#include <cstdio>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "runner/environment.hpp"

namespace {

void add_build_context(int argc, char** argv) {
  const apibench::runner::Environment e =
      apibench::runner::capture_environment(APIBENCH_SOURCE_DIR, std::vector<std::string>(argv, argv + argc));
  benchmark::AddCustomContext("build_type", e.build_type);
  benchmark::AddCustomContext("cxx_flags", e.cxx_flags);
  benchmark::AddCustomContext("compiler", e.compiler);
  benchmark::AddCustomContext("build_commit", e.build.commit);
  benchmark::AddCustomContext("build_dirty", e.build.dirty ? "true" : "false");
  benchmark::AddCustomContext("source_commit", e.source.commit);
  benchmark::AddCustomContext("source_dirty", e.source.dirty ? "true" : "false");
  // Readers older than build_commit: the commit that produced the numbers.
  benchmark::AddCustomContext("git_commit", e.build.commit);
  benchmark::AddCustomContext("git_dirty", e.build.dirty ? "true" : "false");
  if (auto mismatch = apibench::runner::build_source_mismatch(e.build, e.source)) {
    benchmark::AddCustomContext("commit_warning", *mismatch);
    std::fprintf(stderr, "warning: %s\n", mismatch->c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  add_build_context(argc, argv);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
