#include "reproduce/reproduce.hpp"

#include <fmt/format.h>
#include <fstream>
#include <set>

#include "report/report.hpp"
#include "reproduce/agreement.hpp"
#include "reproduce/claims.hpp"
#include "reproduce/claims_html.hpp"
#include "reproduce/decomposition.hpp"
#include "reproduce/fixed_rate.hpp"
#include "runner/results.hpp"
#include "runner/stop_signal.hpp"

namespace apibench::reproduce {
namespace fs = std::filesystem;
using nlohmann::json;
namespace {

fs::path suite_file(const std::string& name_or_path, const fs::path& source_dir) {
  fs::path file = name_or_path;
  return file.extension() == ".json" ? file : source_dir / "suites" / (name_or_path + ".json");
}

RunMeta meta_of(const report::RunData& run) {
  const auto& e = run.environment;
  std::string pinning =
      fmt::format("server CPUs {}, load CPUs {}", json(run.server_cpus).dump(), json(run.load_cpus).dump());
  return {run.dir.string(), run.suite, run.started,  e.build.commit, e.cpu_model,
          e.kernel,         pinning,   run.complete, e.build.dirty,  run.warnings};
}

// A run and its usual reports; the run's exit code, and its folder.
std::pair<int, fs::path> run_claims_suite(const ReproduceOptions& o) {
  runner::RunOutcome outcome = runner::run_suite(o.run);
  if (outcome.run_dir.empty()) return {outcome.exit_code, {}};
  try {
    report::write_reports(outcome.run_dir);
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench reproduce: {}\n", e.what());
    outcome.exit_code = std::max(outcome.exit_code, 1);
  }
  return {outcome.exit_code, outcome.run_dir};
}

}  // namespace

ReproduceConfig load_config(const std::string& suite_name_or_path, const fs::path& source_dir) {
  std::ifstream in(suite_file(suite_name_or_path, source_dir));
  json j = in ? json::parse(in, nullptr, false) : json();
  return j.is_object() ? config_from_suite(j) : default_config();
}

ReproduceConfig config_for_run(const ReproduceConfig& config, const report::RunData& run) {
  std::set<std::string> in_run;
  for (const auto& cell : run.cells) in_run.insert(cell.server);
  return config.only(in_run);
}

ClaimsReport build_claims_report(const report::RunData& run, const std::vector<FixedRateResult>& fixed,
                                 const ReproduceConfig& config, const std::vector<ServerArtifacts>& artifacts) {
  ClaimsReport r;
  r.run = meta_of(run);
  r.config = config_for_run(config, run);
  r.claims = evaluate_claims({run, r.config, fixed, artifacts});
  r.decomposition = decompose(r.claims, r.config);
  if (fixed.empty()) {
    r.notes.push_back("no fixed-rate cells (" + config.workloads.orders_half_max + ", " +
                      config.workloads.orders_four_fifths_max + ", " + config.workloads.json_common_load +
                      ") and no fixed-rate.json: the fixed-rate rows (claims 2 and 6) are not measured");
  }
  return r;
}

std::vector<std::string> write_claims_files(const fs::path& dir, const ClaimsReport& report) {
  fs::create_directories(dir);
  std::string unavailable;
  const auto figures = draw_claim_figures(report, unavailable);
  std::vector<std::string> notes;
  if (!unavailable.empty()) notes.push_back(unavailable);
  for (const auto& f : figures) {
    if (!f.error.empty()) notes.push_back("chart '" + f.caption + "' not drawn: " + f.error);
  }
  runner::write_file_atomically(dir / "claims.md", claims_markdown(report));
  runner::write_file_atomically(dir / "claims.json", claims_json(report).dump(2) + "\n");
  runner::write_file_atomically(dir / "claims.html", claims_html(report, figures, unavailable));
  return notes;
}

namespace {

// One reproduce: the run (or --from's), then the claims files. The exit code and
// the folder the claims files went to (empty when none were written).
std::pair<int, fs::path> reproduce_once(const ReproduceOptions& o) {
  const ReproduceConfig config = load_config(o.run.suite, o.run.source_dir);
  int exit_code = 0;
  fs::path run_dir;
  if (o.from) {
    run_dir = *o.from;
  } else {
    std::tie(exit_code, run_dir) = run_claims_suite(o);
    if (run_dir.empty()) return {exit_code, {}};
  }
  try {
    report::RunData run = report::load_run(run_dir);
    auto artifacts = collect_artifacts(config_for_run(config, run), {o.run.source_dir, o.run.build_dir, o.cold_build});
    ClaimsReport report = build_claims_report(run, fixed_rate_of_run(run, config.workloads), config, artifacts);
    if (o.from) report.notes.push_back("binaries and lines of code read from the current tree, not from the run's time");
    const fs::path out = o.out.value_or(run.dir);
    for (const auto& note : write_claims_files(out, report)) fmt::print("note: {}\n", note);
    fmt::print("\n{}claims: {}\n", claims_summary_markdown(report), (out / "claims.html").string());
    return {exit_code, out};
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench reproduce: {}\n", e.what());
    return {o.from ? 2 : std::max(exit_code, 1), {}};
  }
}

json read_claims(const fs::path& dir) {
  std::ifstream in(dir / "claims.json");
  if (!in) throw std::runtime_error("cannot read " + (dir / "claims.json").string());
  json j = json::parse(in, nullptr, false);
  if (j.is_discarded()) throw std::runtime_error((dir / "claims.json").string() + ": not valid JSON");
  return j;
}

}  // namespace

int agreement_command(const fs::path& first, const fs::path& second, const std::optional<fs::path>& write_to) {
  try {
    const Agreement a = agreement_of(read_claims(first), read_claims(second));
    const std::string text = agreement_markdown(a, first.string(), second.string());
    if (write_to) runner::write_file_atomically(*write_to / "agreement.md", text);
    fmt::print("\n{}", text);
    if (write_to) fmt::print("agreement: {}\n", (*write_to / "agreement.md").string());
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench reproduce: {}\n", e.what());
    return 2;
  }
}

int reproduce_command(const ReproduceOptions& o) {
  if (!o.twice) return reproduce_once(o).first;
  const auto [first_code, first] = reproduce_once(o);
  if (first.empty() || runner::stop_signal() != 0) return first_code ? first_code : 1;
  const auto [second_code, second] = reproduce_once(o);
  if (second.empty()) return second_code ? second_code : 1;
  const int agreement = agreement_command(first, second, second);
  return std::max({first_code, second_code, agreement});
}

}  // namespace apibench::reproduce
