// Families with several Rust and several Go servers: every Rust x Go pair judged, the
// summary counting pairs, servers a run lacks simply absent, and old suite files still read.
#include <gtest/gtest.h>

#include "reproduce/claims.hpp"
#include "reproduce/claims_report.hpp"
#include "reproduce/reproduce.hpp"
#include "reproduce/tests/made_up_run.hpp"

namespace rp = apibench::reproduce;

namespace {

// CPU us/request (also peak MiB and idle KB per connection): both Rust peers against three Go peers.
//   rust-hyper 10 beats go-nethttp 20, go-gin 13 and go-echo 16.4;
//   rust-axum 16 beats go-nethttp 20, loses to go-gin 13, and is within 5% of go-echo 16.4.
apibench::report::RunData peers_run() {
  return apibench::report::run_from_json(rp::testing::made_up_run({{"rust-hyper", 10, 7.0, 60000},
                                                                   {"rust-axum", 16, 9.0, 50000},
                                                                   {"go-nethttp", 20, std::nullopt, 30000},
                                                                   {"go-gin", 13, std::nullopt, 30000},
                                                                   {"go-echo", 16.4, std::nullopt, 30000}}));
}

rp::ClaimsReport peers_report(const apibench::report::RunData& run) {
  return rp::build_claims_report(run, {}, rp::default_config(), {});
}

}  // namespace

TEST(Pairs, EveryRustServerAgainstEveryGoServer) {
  const rp::Family f{"real peers", {"rust-hyper", "rust-axum"}, {"go-nethttp", "go-gin", "go-echo"}};
  const auto pairs = f.pairs();
  ASSERT_EQ(pairs.size(), 6u);
  EXPECT_EQ(pairs.front().rust, "rust-hyper");
  EXPECT_EQ(pairs.front().go, "go-nethttp");
  EXPECT_EQ(pairs.back().rust, "rust-axum");
  EXPECT_EQ(pairs.back().go, "go-echo");
}

TEST(Pairs, SuiteFamiliesTakeAListOrOneRustServer) {
  const nlohmann::json suite = {{"reproduce",
                                 {{"families",
                                   {{{"name", "old"}, {"rust", "rust-style"}, {"go", {"go-style"}}},
                                    {{"name", "new"}, {"rust", {"rust-hyper", "rust-axum"}}, {"go", {"go-gin"}}}}}}}};
  const rp::ReproduceConfig c = rp::config_from_suite(suite);
  ASSERT_EQ(c.families.size(), 2u);
  EXPECT_EQ(c.families[0].rust, std::vector<std::string>{"rust-style"});
  EXPECT_EQ(c.families[1].rust, (std::vector<std::string>{"rust-hyper", "rust-axum"}));
  EXPECT_EQ(c.servers(), (std::vector<std::string>{"rust-style", "go-style", "rust-hyper", "rust-axum", "go-gin"}));
  EXPECT_THROW(rp::config_from_suite({{"reproduce", {{"families", {{{"name", "x"}, {"rust", 3}, {"go", {}}}}}}}}),
               std::runtime_error);
}

TEST(Pairs, ServersNotInTheRunAreAbsent) {
  const rp::ReproduceConfig c = rp::config_for_run(rp::default_config(), peers_run());
  ASSERT_EQ(c.families.size(), 1u) << "no C++ reproduction in the run: the family is left out";
  EXPECT_EQ(c.families[0].rust, (std::vector<std::string>{"rust-hyper", "rust-axum"}));
  EXPECT_EQ(c.families[0].go, (std::vector<std::string>{"go-nethttp", "go-gin", "go-echo"}));
  const std::string md = rp::claims_markdown(peers_report(peers_run()));
  EXPECT_EQ(md.find("rust-rocket"), std::string::npos);
  EXPECT_EQ(md.find("go-fasthttp"), std::string::npos);
  EXPECT_NE(md.find("real peers (rust-hyper, rust-axum vs go-nethttp, go-gin, go-echo)"), std::string::npos) << md;
}

TEST(Pairs, EachMetricIsJudgedForEveryPair) {
  const rp::ClaimsReport r = peers_report(peers_run());
  const rp::MetricRow& cpu = r.claims.at(0).rows.at(0);
  ASSERT_EQ(cpu.judgements.size(), 6u);
  auto verdict_of = [&](const std::string& subject) {
    for (const auto& j : cpu.judgements) {
      if (j.subject == subject) return j.verdict;
    }
    throw std::runtime_error("no verdict for " + subject);
  };
  EXPECT_EQ(verdict_of("rust-hyper vs go-gin"), rp::Verdict::holds);
  EXPECT_EQ(verdict_of("rust-axum vs go-gin"), rp::Verdict::does_not_hold);
  EXPECT_EQ(verdict_of("rust-axum vs go-echo"), rp::Verdict::inconclusive);  // 2.5%: under the minimal effect
}

TEST(Pairs, TheSummaryCountsPairsPerClaim) {
  const rp::ClaimsReport r = peers_report(peers_run());
  // Claim 1 per pair, over CPU (json, orders), peak RSS and idle RSS (allocations: Go not counted):
  // 4 pairs hold on every metric, axum/gin does not, axum/echo is inconclusive (under 5% apart).
  EXPECT_EQ(rp::family_summary(r.claims.at(0), "real peers"), "6 pairs: 4 holds, 1 does not hold, 1 inconclusive");
  const auto by_subject = rp::subject_verdicts(r.claims.at(0), "real peers");
  ASSERT_EQ(by_subject.size(), 6u);
  // Claim 3's bars are per Go server, not per pair: 8000 requests served refutes "millions".
  EXPECT_EQ(rp::family_summary(r.claims.at(2), "real peers"), "3 servers against a bar: 3 does not hold");
  EXPECT_NE(rp::claims_summary_markdown(r).find("| 6 pairs: 4 holds, 1 does not hold, 1 inconclusive |"), std::string::npos);
}

TEST(Pairs, AClaimsVerdictForAPairCombinesItsMetrics) {
  rp::ClaimResult claim;
  auto judged = [](rp::Verdict v) {
    rp::MetricRow row;
    row.judgements.push_back({"f", "a vs b", rp::Compared::pair, v, "", {}});
    return row;
  };
  auto combined = [&](std::vector<rp::Verdict> verdicts) {
    claim.rows.clear();
    for (auto v : verdicts) claim.rows.push_back(judged(v));
    return rp::subject_verdicts(claim, "f").at(0).verdict;
  };
  EXPECT_EQ(combined({rp::Verdict::holds, rp::Verdict::not_measured, rp::Verdict::holds}), rp::Verdict::holds);
  EXPECT_EQ(combined({rp::Verdict::does_not_hold, rp::Verdict::does_not_hold}), rp::Verdict::does_not_hold);
  EXPECT_EQ(combined({rp::Verdict::holds, rp::Verdict::does_not_hold}), rp::Verdict::does_not_hold);  // one refutes
  EXPECT_EQ(combined({rp::Verdict::does_not_hold, rp::Verdict::inconclusive}), rp::Verdict::does_not_hold);
  EXPECT_EQ(combined({rp::Verdict::holds, rp::Verdict::inconclusive}), rp::Verdict::inconclusive);
  EXPECT_EQ(combined({rp::Verdict::not_measured}), rp::Verdict::not_measured);
}

TEST(Pairs, TheDecompositionIsGivenForEachRealPair) {
  nlohmann::json run = rp::testing::four_server_run();
  const nlohmann::json axum = rp::testing::made_up_run({{"rust-axum", 9, 5.0, 70000}});
  for (const auto& cell : axum["cells"]) run["cells"].push_back(cell);
  const rp::ClaimsReport r = rp::build_claims_report(apibench::report::run_from_json(run), {}, rp::default_config(), {});
  ASSERT_EQ(r.decomposition.pairs.size(), 2u);
  EXPECT_EQ(r.decomposition.design_rust, "rust-style");
  EXPECT_EQ(r.decomposition.pairs[0].real_rust, "rust-hyper");
  EXPECT_EQ(r.decomposition.pairs[1].real_rust, "rust-axum");
  EXPECT_EQ(r.decomposition.pairs[1].real_go, "go-nethttp");
  // CPU json: real 9/18 = 0.5, design 10/20 = 0.5: the design gives all of the gap.
  EXPECT_DOUBLE_EQ(*r.decomposition.pairs[1].rows.at(0).fraction, 1.0);
  const std::string md = rp::claims_markdown(r);
  EXPECT_NE(md.find("### rust-axum / go-nethttp"), std::string::npos);
}
