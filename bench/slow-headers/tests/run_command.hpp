#pragma once
// Runs a shell command and keeps what it printed, for the tests that run the
// slow-header client and the benchmark script as a user would.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace apibench::slow_headers::test {

struct Outcome {
  int exit_code = -1;  // -1: killed by a signal, or not started
  std::string output;  // stdout and stderr
};

inline Outcome run_command(const std::string& command) {
  Outcome outcome;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return outcome;
  std::array<char, 4096> chunk;
  for (std::size_t n; (n = fread(chunk.data(), 1, chunk.size(), pipe)) > 0;) outcome.output.append(chunk.data(), n);
  const int status = pclose(pipe);
  outcome.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return outcome;
}

}  // namespace apibench::slow_headers::test
