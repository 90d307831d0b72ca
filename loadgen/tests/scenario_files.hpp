#pragma once
// Scenario files written to the test's temporary folder.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

namespace apibench::loadgen::testing {

inline std::filesystem::path write_temp_file(const std::string& name, const std::string& text) {
  const std::filesystem::path path = ::testing::TempDir() + "/loadgen_" + std::to_string(::getpid()) + "_" + name;
  std::ofstream(path) << text;
  return path;
}

inline std::filesystem::path source_dir() { return APIBENCH_SOURCE_DIR; }

}  // namespace apibench::loadgen::testing
