// apibench: run suites of API-server benchmarks, drive load, compare runs.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <functional>

#include "loadgen/duration.hpp"
#include "loadgen/load_command.hpp"
#include "report/compare.hpp"
#include "report/report.hpp"
#include "report/report_command.hpp"
#include "reproduce/design_ratios.hpp"
#include "reproduce/reproduce.hpp"
#include "runner/cpu_sets.hpp"
#include "runner/run_suite.hpp"

namespace fs = std::filesystem;
using namespace apibench;

namespace {

fs::path executable_dir() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::current_path() : self.parent_path();
}

std::chrono::milliseconds parse_duration(const std::string& text) {
  auto d = loadgen::parse_duration(text);
  if (!d || d->count() <= 0) throw std::invalid_argument("bad duration '" + text + "' (e.g. 500ms, 3s, 1m)");
  return *d;
}

// A run, then its reports; a report that cannot be written is said, and the run's results stay.
int run_and_report(const runner::RunOptions& o) {
  runner::RunOutcome run = runner::run_suite(o);
  if (run.run_dir.empty() || run.exit_code == runner::kRunResultsUnwritten) return run.exit_code;
  if (run.interrupted) {  // stop now, as asked; the report can be built later
    fmt::print("report: not written (interrupted); 'apibench report {}' builds it\n", run.run_dir.string());
    return run.exit_code;
  }
  try {
    report::ReportOutcome written = report::write_reports(run.run_dir);
    for (const auto& note : written.notes) fmt::print("note: {}\n", note);
    fmt::print("report: {}\n", (run.run_dir / "report.html").string());
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench run: the report could not be written: {}\n", e.what());
    return std::max(run.exit_code, 1);
  }
  return run.exit_code;
}

void add_run_command(CLI::App& app, runner::RunOptions& o, std::function<int()>& action) {
  auto* run = app.add_subcommand("run", "Run a benchmark suite and write a results folder");
  run->add_option("--suite", o.suite, "suite name (suites/<name>.json) or a path to a suite file")->capture_default_str();
  run->add_option("--servers", o.servers, "only these servers (names from their manifests)")->delimiter(',');
  run->add_option("--workloads", o.workloads, "only these workloads of the suite (names from the suite file)")
      ->delimiter(',');
  auto cpu_list = [](std::vector<int>& out) {
    return [&out](const std::string& s) { out = runner::parse_cpu_list(s); };
  };
  auto duration = [](std::optional<std::chrono::milliseconds>& out) {
    return [&out](const std::string& s) { out = parse_duration(s); };
  };
  run->add_option_function<std::string>("--server-cpus", cpu_list(o.server_cpus), "CPUs for the server (e.g. 0)");
  run->add_option_function<std::string>("--load-cpus", cpu_list(o.load_cpus), "CPUs for the load generator (e.g. 1)");
  run->add_option_function<std::string>("-d,--duration", duration(o.duration), "measured time per repetition (3s)");
  run->add_option_function<std::string>("--warmup", duration(o.warmup), "warm-up before measuring (1s)");
  run->add_option_function<unsigned>("-r,--repetitions", [&o](unsigned r) { o.repetitions = r; }, "repetitions per cell")
      ->check(CLI::Range(1u, 100u));
  run->add_option_function<unsigned>("--max-repetitions", [&o](unsigned r) { o.max_repetitions = r; },
                                     "add rounds while a pair of servers is undecided, up to this many (the suite's)")
      ->check(CLI::Range(1u, 100u));
  run->add_option_function<std::string>("--time-budget", duration(o.time_budget),
                                        "the whole run's time, rounds added for evidence included (the suite's)");
  run->add_flag("--count-allocs", o.count_allocations,
                "count each server's heap allocations per request (LD_PRELOAD; dynamically linked servers only)");
  run->add_option("--results", o.results_root, "where results folders go")->capture_default_str();
  run->add_option("--servers-dir", o.servers_dir,
                  "where the server manifests are (<dir>/*/server.json, <dir>/peers/*/server.json); default: the source tree's servers/");
  run->add_option_function<std::string>(
      "--ready-timeout", [&o](const std::string& s) { o.ready_timeout = parse_duration(s); },
      "how long a server may take to print its ready line (15s)");
  run->callback([&action, &o] { action = [&o] { return run_and_report(o); }; });
}

struct CompareOptions {
  std::string a, b;
};

void add_compare_command(CLI::App& app, CompareOptions& o, const fs::path& source_dir, std::function<int()>& action) {
  auto* cmp = app.add_subcommand("compare", "Compare two runs cell by cell, with a noise-aware verdict");
  cmp->add_option("A", o.a, "the baseline: a results folder, its run.json, or 'reference'")->required();
  cmp->add_option("B", o.b, "the run to judge against it")->required();
  cmp->callback([&o, &action, source_dir] {
    action = [&o, source_dir] {
      return report::compare_command(report::resolve_run_path(o.a, source_dir),
                                     report::resolve_run_path(o.b, source_dir));
    };
  });
}

// `reproduce` runs the claims suite through the runner, then writes claims.md/html/json.
void add_reproduce_command(CLI::App& app, reproduce::ReproduceOptions& o, std::function<int()>& action) {
  auto* cmd = app.add_subcommand("reproduce", "Check the article's claims on this machine (claims.md, claims.html)");
  cmd->add_option("--suite", o.run.suite, "the claims suite (name or path)")->capture_default_str();
  cmd->add_option("--servers", o.run.servers, "only these servers (names from their manifests)")->delimiter(',');
  cmd->add_option_function<std::string>("-d,--duration", [&o](const std::string& s) { o.run.duration = parse_duration(s); },
                                        "measured time per repetition (the suite's: 2s)");
  cmd->add_option_function<unsigned>("-r,--repetitions", [&o](unsigned r) { o.run.repetitions = r; }, "repetitions per cell")
      ->check(CLI::Range(1u, 100u));
  cmd->add_option_function<unsigned>("--max-repetitions", [&o](unsigned r) { o.run.max_repetitions = r; },
                                     "add rounds while a pair of servers is undecided, up to this many (the suite's)")
      ->check(CLI::Range(1u, 100u));
  cmd->add_option_function<std::string>(
      "--time-budget", [&o](const std::string& s) { o.run.time_budget = parse_duration(s); },
      "the run's time, rounds added for evidence included (the suite's)");
  cmd->add_option("--results", o.run.results_root, "where results folders go")->capture_default_str();
  cmd->add_option_function<std::string>("--out", [&o](const std::string& s) { o.out = s; },
                                        "write the claims files here instead of the run's folder");
  cmd->add_option_function<std::string>("--from", [&o](const std::string& s) { o.from = s; },
                                        "rebuild the claims files from this finished run; runs nothing")
      ->check(CLI::ExistingDirectory);
  cmd->add_flag("--cold-build", o.cold_build, "also time each server's cold build (several minutes per server)");
  auto* twice = cmd->add_flag("--twice", o.twice,
                              "run the claims twice and write how far the verdicts agree (agreement.md in the second run)");
  twice->excludes("--from")->excludes("--out");
  cmd->callback([&action, &o] { action = [&o] { return reproduce::reproduce_command(o); }; });
}

// `agreement A B`: how far two reproduce runs' verdicts agree.
void add_agreement_command(CLI::App& app, std::array<std::string, 2>& runs, std::function<int()>& action) {
  auto* cmd = app.add_subcommand("agreement", "How far the verdicts of two reproduce runs agree (their claims.json)");
  cmd->add_option("FIRST", runs[0], "a folder with claims.json")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("SECOND", runs[1], "another")->required()->check(CLI::ExistingDirectory);
  cmd->callback([&action, &runs] {
    action = [&runs] { return reproduce::agreement_command(runs[0], runs[1], std::nullopt); };
  });
}

// `ratios RUN_DIR` prints the reference servers' design targets as ratios, from a design-suite run.
void add_ratios_command(CLI::App& app, std::string& run_dir, std::function<int()>& action) {
  auto* ratios = app.add_subcommand("ratios", "Print the reference servers' design targets as ratios to nginx, hyper and net/http, from a design-suite run");
  ratios->add_option("RUN_DIR", run_dir, "a results folder")->required();
  ratios->callback([&action, &run_dir] { action = [&run_dir] { return reproduce::ratios_command(run_dir); }; });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"apibench: measure API servers the way the Rust-vs-Go articles argue about them"};
  app.set_version_flag("--version", APIBENCH_VERSION);
  app.require_subcommand(1);

  runner::RunOptions run_options;
  run_options.source_dir = APIBENCH_SOURCE_DIR;
  run_options.build_dir = executable_dir();
  run_options.results_root = run_options.source_dir / "results";
  run_options.argv.assign(argv, argv + argc);

  std::function<int()> action;
  add_run_command(app, run_options, action);
  loadgen::add_load_command(app, action);
  report::add_report_command(app, action);
  CompareOptions compare_options;
  add_compare_command(app, compare_options, run_options.source_dir, action);
  reproduce::ReproduceOptions reproduce_options{run_options, {}, {}, false, false};
  reproduce_options.run.suite = "claims";
  add_reproduce_command(app, reproduce_options, action);
  std::string ratios_dir;
  add_ratios_command(app, ratios_dir, action);
  std::array<std::string, 2> agreement_runs;
  add_agreement_command(app, agreement_runs, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);
    fmt::print(stderr, "apibench: {}\nRun 'apibench --help' or 'apibench <command> --help' for usage.\n", e.what());
    return 2;
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "apibench: {}\nRun 'apibench --help' for usage.\n", e.what());
    return 2;
  }
  return action ? action() : 0;
}
