#pragma once
// Suites that tests write inline: load_suite reads them from a file of their
// own, removed again once read.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "runner/suite.hpp"

namespace apibench::runner::test {

// The suite that `json` describes, read as load_suite reads a suite file.
inline Suite load_suite_text(const std::string& json) {
  namespace fs = std::filesystem;
  const fs::path file = fs::temp_directory_path() / ("apibench-test-suite-" + std::to_string(::getpid()) + ".json");
  std::ofstream(file) << json;
  struct Remove {
    fs::path f;
    ~Remove() { fs::remove(f); }
  } remove{file};
  return load_suite(file.string(), "/");
}

// The reason load_suite gives for `json`, or "(no error)" when it loads.
inline std::string suite_error(const std::string& json) {
  try {
    load_suite_text(json);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(no error)";
}

}  // namespace apibench::runner::test
