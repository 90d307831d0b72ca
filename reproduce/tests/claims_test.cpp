// Claims on a made-up run with known answers: which verdict each family gets, and what
// claims.md says.
#include <gtest/gtest.h>

#include <algorithm>

#include "reproduce/claims.hpp"
#include "reproduce/claims_report.hpp"
#include "reproduce/reproduce.hpp"
#include "reproduce/tests/made_up_run.hpp"

namespace rp = apibench::reproduce;
using rp::testing::four_server_run;

namespace {

rp::ReproduceConfig two_pairs() {
  rp::ReproduceConfig c = rp::default_config();
  c.families[1].rust = {"rust-hyper"};
  c.families[1].go = {"go-nethttp"};
  return c;
}

const rp::MetricRow& row(const rp::ClaimResult& claim, const std::string& starts_with) {
  auto it = std::find_if(claim.rows.begin(), claim.rows.end(), [&](const auto& r) { return r.metric.starts_with(starts_with); });
  if (it == claim.rows.end()) throw std::runtime_error("no row " + starts_with);
  return *it;
}

rp::Verdict verdict(const rp::MetricRow& r, const std::string& family) {
  for (const auto& j : r.judgements) {
    if (j.family == family) return j.verdict;
  }
  throw std::runtime_error("no verdict for " + family);
}

struct Fixture {
  apibench::report::RunData run = apibench::report::run_from_json(four_server_run());
  rp::ReproduceConfig config = two_pairs();
  std::vector<rp::FixedRateResult> fixed;
  std::vector<rp::ServerArtifacts> artifacts;
  rp::ClaimInputs inputs{run, config, fixed, artifacts};
};

}  // namespace

TEST(Claims, OverheadHoldsWhereTheMadeUpNumbersSaySo) {
  Fixture f;
  const rp::ClaimResult c = rp::claim_runtime_overhead(f.inputs);
  const rp::MetricRow& cpu = row(c, "CPU time per request, json");
  EXPECT_EQ(verdict(cpu, "C++ reproductions"), rp::Verdict::holds);  // 10 vs 20 us
  EXPECT_EQ(verdict(cpu, "real peers"), rp::Verdict::holds);         // 12 vs 18 us
  const rp::MetricRow& allocs = row(c, "Heap allocations per request, json");
  EXPECT_EQ(verdict(allocs, "C++ reproductions"), rp::Verdict::holds);
  EXPECT_EQ(verdict(allocs, "real peers"), rp::Verdict::not_measured);  // Go: static, not countable
  EXPECT_NE(allocs.value_of("go-nethttp")->note.find("not counted"), std::string::npos);
}

TEST(Claims, ThreeRepetitionsGiveInconclusiveWithTheReason) {
  Fixture f;
  f.run = apibench::report::run_from_json(four_server_run(3));
  const rp::ClaimResult c = rp::claim_runtime_overhead(f.inputs);
  const rp::MetricRow& cpu = row(c, "CPU time per request, json");  // 10 vs 20 us, ranges far apart
  ASSERT_EQ(verdict(cpu, "C++ reproductions"), rp::Verdict::inconclusive);
  EXPECT_NE(cpu.judgements.front().detail.find("3 vs 3 repetitions cannot reach p < 0.05; 4 or more each are needed"),
            std::string::npos)
      << cpu.judgements.front().detail;
  const rp::ClaimResult cache = rp::claim_cache_server(f.inputs);
  EXPECT_EQ(verdict(row(cache, "p99"), "C++ reproductions"), rp::Verdict::inconclusive);  // a bar needs 4
}

TEST(Claims, NoiseGivesInconclusive) {
  nlohmann::json run = four_server_run();
  for (auto& cell : run["cells"]) {
    if (cell["workload"] == "json" && cell["server"] == "go-nethttp") {
      cell = rp::testing::load_cell("go-nethttp", "json", 64, rp::testing::reps_with_cpu(12.1));
    }
  }
  Fixture f;
  f.run = apibench::report::run_from_json(run);
  const rp::ClaimResult c = rp::claim_runtime_overhead(f.inputs);
  EXPECT_EQ(verdict(row(c, "CPU time per request, json"), "real peers"), rp::Verdict::inconclusive);
}

TEST(Claims, ALossDoesNotHold) {
  Fixture f;
  const rp::ClaimResult c = rp::claim_rapid_development(f.inputs);  // no artifacts: not measured
  EXPECT_EQ(verdict(row(c, "Lines of code"), "C++ reproductions"), rp::Verdict::not_measured);
  f.artifacts = {{"rust-style", "", {}, "", rp::LocCount{1000, 10}, {"a"}, {}, "off"},
                 {"go-style", "", {}, "", rp::LocCount{2000, 20}, {"b"}, {}, "off"}};
  const rp::ClaimResult again = rp::claim_rapid_development(f.inputs);
  EXPECT_EQ(verdict(row(again, "Lines of code"), "C++ reproductions"), rp::Verdict::does_not_hold);
}

TEST(Claims, CacheMillionIsABarPerGoServer) {
  Fixture f;
  const rp::ClaimResult c = rp::claim_cache_server(f.inputs);
  const rp::MetricRow& served = row(c, "Requests served");
  // go-style serves 1000 req/s x 2 s x 4 repetitions = 8000: far from a million.
  EXPECT_EQ(verdict(served, "C++ reproductions"), rp::Verdict::does_not_hold);
  EXPECT_DOUBLE_EQ(served.value_of("go-style")->samples.at(0), 8000);
  EXPECT_EQ(verdict(row(c, "p99"), "C++ reproductions"), rp::Verdict::holds);  // 500 us <= 1 ms
}

TEST(Claims, FixedRateRowsAreNotMeasuredWithoutThePhaseAndJudgedWithIt) {
  Fixture f;
  EXPECT_EQ(verdict(row(rp::claim_latency_sensitive(f.inputs), "p99.9"), "C++ reproductions"), rp::Verdict::not_measured);
  auto window = [](double p999) { return rp::FixedRateWindow{1000, 100, 200, p999, p999 * 2, 2000, 0, {200, 210}}; };
  for (const char* s : {"rust-style", "go-style"}) {
    const double p999 = std::string(s) == "rust-style" ? 300 : 900;
    f.fixed.push_back({s, "json", rp::kCommonLoad, 1000,
                       {window(p999), window(p999 * 1.02), window(p999 * 0.98), window(p999 * 1.01)}, ""});
  }
  EXPECT_EQ(verdict(row(rp::claim_latency_sensitive(f.inputs), "p99.9"), "C++ reproductions"), rp::Verdict::holds);
}

TEST(Claims, MarkdownHasTheQuotesTablesVerdictsAndDecomposition) {
  Fixture f;
  const rp::ClaimsReport report = rp::build_claims_report(f.run, f.fixed, f.config, f.artifacts);
  const std::string md = rp::claims_markdown(report);
  EXPECT_NE(md.find("> it achieves memory safety without a garbage collector"), std::string::npos);
  EXPECT_NE(md.find("| 1 | Minimal runtime overhead without a garbage collector |"), std::string::npos);
  EXPECT_NE(md.find("| CPU time per request, json, 64 connections (us) | 10.0 (9.90-10.1) | 20.0 (19.8-20.2) |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| CPU time per request, json, 64 connections | C++ reproductions | rust-style vs go-style | **holds** |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("## 9. Claims no benchmark can settle"), std::string::npos);
  EXPECT_NE(md.find("Bugs caught at compile time"), std::string::npos);
  EXPECT_NE(md.find("## Decomposition"), std::string::npos);
  // CPU json: real 12/18 = 0.667, design 10/20 = 0.5: ln 0.5 / ln 0.667 = 1.71.
  EXPECT_NE(md.find("| 0.67 | 10.0 | 20.0 | 0.50 | 1.71 |"), std::string::npos) << md;
  EXPECT_EQ(report.claims.size(), 13u);  // 8 measured claims and 5 not measurable
}

TEST(Claims, EveryVerdictShowsItsStabilityAndTheSummaryCountsTheFirmOnes) {
  Fixture f;
  const rp::ClaimsReport report = rp::build_claims_report(f.run, f.fixed, f.config, f.artifacts);
  const rp::MetricRow& cpu = row(report.claims.at(0), "CPU time per request, json");
  EXPECT_DOUBLE_EQ(*cpu.judgements.front().stability.agreement, 1.0);  // 10 vs 20 us, 4 vs 4 apart
  const std::string md = rp::claims_markdown(report);
  EXPECT_NE(md.find("| CPU time per request, json, 64 connections | C++ reproductions | rust-style vs go-style | **holds** | "
                    "0.50x, p = 0.029 (4 vs 4 repetitions) | 1.00 |"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("| - (single measurement: nothing to resample) |"), std::string::npos) << "sweep maxima";
  const rp::VerdictTally tally = rp::tally_verdicts(report.claims);
  EXPECT_GT(tally.decided, 0);
  EXPECT_GT(tally.firm, 0);
  EXPECT_GT(tally.decided_single, 0);
  EXPECT_LE(tally.firm + tally.decided_single, tally.decided);
  EXPECT_NE(md.find(rp::tally_text(tally)), std::string::npos);
  EXPECT_NE(md.find("firm (stability >= 0.90)"), std::string::npos);
  const nlohmann::json j = rp::claims_json(report);
  EXPECT_EQ(j["verdict_counts"]["firm"], tally.firm);
  EXPECT_EQ(j["claims"][0]["rows"][0]["verdicts"][0]["stability"], 1.0);
}
