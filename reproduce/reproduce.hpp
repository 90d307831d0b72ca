#pragma once
// `apibench reproduce`: run the claims suite, then write
// claims.md, claims.html and claims.json into the run's folder; or, with --from,
// rebuild those files from a finished run without running anything.
#include <filesystem>
#include <optional>

#include "report/run_data.hpp"
#include "reproduce/artifacts.hpp"
#include "reproduce/claims_report.hpp"
#include "reproduce/fixed_rate.hpp"
#include "runner/run_suite.hpp"

namespace apibench::reproduce {

struct ReproduceOptions {
  runner::RunOptions run;                // suite "claims" unless told; servers, CPUs, durations, paths
  std::optional<std::filesystem::path> from;  // rebuild from this run folder instead of running
  std::optional<std::filesystem::path> out;   // write the claims files here instead of the run folder
  bool cold_build = false;                    // also time each server's cold build (minutes)
  bool twice = false;  // run it twice, then write the agreement of the two into the second run's folder
};

// The families with only the servers the run has cells for: servers it did not run (a run
// older than a peer, or run with --servers) are simply absent, not "not measured".
ReproduceConfig config_for_run(const ReproduceConfig& config, const report::RunData& run);

// The whole report for a finished run, over config_for_run: no load, no build (unless
// artifacts ask for one).
ClaimsReport build_claims_report(const report::RunData& run, const std::vector<FixedRateResult>& fixed,
                                 const ReproduceConfig& config, const std::vector<ServerArtifacts>& artifacts);

// claims.md, claims.html (charts when gnuplot is there) and claims.json, each written atomically.
// Returns notes about what could not be drawn.
std::vector<std::string> write_claims_files(const std::filesystem::path& dir, const ClaimsReport& report);

// The suite's "reproduce" object, or the defaults when the suite file has none or cannot be read.
ReproduceConfig load_config(const std::string& suite_name_or_path, const std::filesystem::path& source_dir);

// Returns the exit code: the run's, or 1 when the claims could not be written, 2 for bad input.
int reproduce_command(const ReproduceOptions& options);

// The agreement of two claims folders' claims.json (reproduce/agreement.hpp),
// printed, and written to <write_to>/agreement.md when given. 0, or 2 when a
// folder has no readable claims.json.
int agreement_command(const std::filesystem::path& first, const std::filesystem::path& second,
                      const std::optional<std::filesystem::path>& write_to);

}  // namespace apibench::reproduce
