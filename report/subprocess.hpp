#pragma once
// Runs a helper program (gnuplot, a headless browser) to completion with a time limit.
// The child gets its own process group so a timeout ends it and everything it started.
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace apibench::report {

struct ProgramResult {
  bool started = false;    // false: the program is not installed or not executable
  bool timed_out = false;  // killed after the time limit
  int exit_code = -1;      // -1 when it did not exit normally
  std::string output;      // what it wrote to stdout
  std::string errors;      // what it wrote to stderr, or why it could not start

  bool succeeded() const { return started && !timed_out && exit_code == 0; }
};

// argv[0] is looked up in PATH. Stdin is /dev/null; stdout and stderr are captured
// through files in scratch_dir, which must exist.
ProgramResult run_program(const std::vector<std::string>& argv, const std::filesystem::path& scratch_dir,
                          std::chrono::milliseconds time_limit);

// A fresh private directory under the system's temporary directory, removed with
// everything in it when the object goes away.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix);  // throws std::runtime_error
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace apibench::report
