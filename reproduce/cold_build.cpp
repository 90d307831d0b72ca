#include "reproduce/cold_build.hpp"

#include <chrono>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>

#include "report/subprocess.hpp"

namespace apibench::reproduce {
namespace fs = std::filesystem;
namespace {

constexpr std::chrono::minutes kBuildTimeLimit{20};

std::string cmake_target(const fs::path& manifest) {
  std::ifstream in(manifest);
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.contains("build")) return "";
  return j["build"].value("cmake_target", "");
}

std::string failure(const char* step, const report::ProgramResult& r) {
  if (!r.started) return fmt::format("{}: cmake could not start ({})", step, r.errors);
  if (r.timed_out) return fmt::format("{}: over the {}-minute limit", step, kBuildTimeLimit.count());
  return fmt::format("{} failed (exit {}): {}", step, r.exit_code, r.errors.substr(0, 300));
}

}  // namespace

ColdBuild time_cold_build(const fs::path& manifest, const fs::path& source_dir) {
  ColdBuild out;
  const std::string target = cmake_target(manifest);
  if (target.empty()) {
    out.note = "the manifest names no build target";
    return out;
  }
  try {
    report::TempDir tree("apibench-cold-build");
    const fs::path build = tree.path() / "build";
    auto configure = report::run_program({"cmake", "-S", source_dir.string(), "-B", build.string(), "-G", "Ninja",
                                          "-DCMAKE_BUILD_TYPE=Release", "-DAPIBENCH_BUILD_TESTS=OFF",
                                          "-DAPIBENCH_BUILD_BENCH=OFF"},
                                         tree.path(), kBuildTimeLimit);
    if (!configure.succeeded()) {
      out.note = failure("configure", configure);
      return out;
    }
    const auto start = std::chrono::steady_clock::now();
    auto build_run = report::run_program({"cmake", "--build", build.string(), "--target", target}, tree.path(), kBuildTimeLimit);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!build_run.succeeded()) {
      out.note = failure("build", build_run);
      return out;
    }
    out.seconds = seconds;
    out.note = fmt::format("cmake --build --target {} in an empty build tree (configure not counted)", target);
  } catch (const std::exception& e) {
    out.note = e.what();
  }
  return out;
}

}  // namespace apibench::reproduce
