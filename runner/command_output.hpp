#pragma once
// Runs a program to read what it prints about itself (a version), with a
// deadline: a server that does not know --version may start serving instead.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace apibench::runner {

// stdout and stderr together, trimmed, when the program exits 0 within the
// timeout; nullopt otherwise (the program and its group are killed on timeout).
std::optional<std::string> command_output(const std::vector<std::string>& argv, std::chrono::milliseconds timeout);

}  // namespace apibench::runner
