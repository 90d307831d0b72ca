#pragma once
// The `apibench load URL` subcommand: parses its flags, runs run_load, prints the summary
// and writes --json / --hgrm files.
#include <functional>

#include <CLI/CLI.hpp>

namespace apibench::loadgen {

// Adds subcommand `load` to `app`. When it is the one parsed, `action` is set to a function
// that runs the load and returns the process exit code (0 ok, 1 no responses or a file
// could not be written, 2 a spec that cannot run). Bad flag values fail CLI11's parse.
void add_load_command(CLI::App& app, std::function<int()>& action);

}  // namespace apibench::loadgen
