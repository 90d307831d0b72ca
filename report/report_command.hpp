#pragma once
// `apibench report DIR`: rebuilds a run's reports from its run.json.
#include <CLI/CLI.hpp>
#include <functional>

namespace apibench::report {

// Adds the subcommand; when it is chosen, `action` is set to run it. The action
// returns 0, or 2 after printing a one-line error.
void add_report_command(CLI::App& app, std::function<int()>& action);

}  // namespace apibench::report
