// apibench compare on made-up runs with known answers, including runs that do not
// hold the same cells (what comparing against results/reference meets).
#include "report/compare.hpp"

#include <gtest/gtest.h>

#include <random>

#include "report/subprocess.hpp"
#include "report/tests/synthetic_run.hpp"
#include "runner/results.hpp"

namespace ar = apibench::report;
namespace fs = std::filesystem;
using json = nlohmann::json;

namespace {

json cell(const std::string& server, std::vector<double> rps, const std::string& workload = "json",
          unsigned connections = 64) {
  json reps = json::array();
  for (double r : rps) {
    reps.push_back({{"requests_per_second", r},
                    {"latency", {{"p50_us", 100}, {"p99_us", 200}, {"p999_us", 300}}},
                    {"server", {{"cpu_us_per_request", 10.0}, {"rss_peak_bytes", 1 << 20}}}});
  }
  return {{"server", server}, {"workload", workload}, {"connections", connections}, {"status", "ok"}, {"repetitions", reps}};
}

json failed(const std::string& server, const std::string& workload, const std::string& error) {
  return {{"server", server}, {"workload", workload}, {"connections", 64}, {"status", "failed"}, {"error", error}};
}

json sweep(const std::string& server, std::optional<double> max_rate) {
  json steps = json::array({{{"rate", 1000}, {"met", max_rate.has_value()}}});
  return {{"server", server}, {"workload", "json-sweep"}, {"connections", 64}, {"status", "ok"},
          {"sweep", {{"max_rate", max_rate ? json(*max_rate) : json()}, {"steps", steps}}}};
}

json idle(const std::string& server, double bytes) {
  return {{"server", server}, {"workload", "idle-10k"}, {"connections", 10000}, {"status", "ok"},
          {"idle", {{"asked", 10000}, {"answered", 10000}, {"rss_per_connection_bytes", bytes}}}};
}

ar::RunData run_of(std::vector<json> cells) {
  return ar::run_from_json({{"schema", apibench::runner::kRunSchema}, {"cells", cells}});
}

std::string note_for(const ar::Comparison& c, const std::string& cell) {
  for (const auto& n : c.not_compared) {
    if (n.cell == cell) return n.note;
  }
  return "(no note for " + cell + ")";
}

const ar::CellComparison* compared(const ar::Comparison& c, const std::string& server, const std::string& workload) {
  for (const auto& cell : c.cells) {
    if (cell.server == server && cell.workload == workload) return &cell;
  }
  return nullptr;
}

}  // namespace

const ar::MetricRule& rule(std::string_view name) { return ar::load_metric_rule(name); }

std::vector<double> scaled(const std::vector<double>& values, double factor) {
  std::vector<double> out;
  for (double v : values) out.push_back(v * factor);
  return out;
}

const std::vector<double> kFive{1000, 1001, 1002, 1003, 1004};  // median 1002

TEST(CompareMetric, AChangeNeedsTheTestsEvidenceAndTheMinimalEffect) {
  using V = ar::Verdict;
  auto faster = ar::compare_metric(rule("requests/s"), {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124});
  EXPECT_EQ(faster.verdict, V::better);
  EXPECT_NEAR(faster.test->p_value, 0.008, 0.0005);
  EXPECT_EQ(ar::verdict_reason(faster), "p < 0.05 and at least 5%");
  EXPECT_EQ(ar::compare_metric(rule("p50 us"), {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124}).verdict, V::worse);
  EXPECT_EQ(ar::compare_metric(rule("p99 us"), {100, 101, 102, 103, 104}, {160, 161, 162, 163, 164}).verdict, V::worse);
  // The same evidence (p = 0.008) for a +19% tail: under p99's minimal 50%, not reported.
  auto tail = ar::compare_metric(rule("p99 us"), {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124});
  EXPECT_EQ(tail.verdict, V::no_change);
  EXPECT_EQ(ar::verdict_reason(tail), "under the minimal 50%");
  auto m = ar::compare_metric(rule("requests/s"), {100, 100, 100}, {110, 110, 110});
  ASSERT_TRUE(m.change_percent.has_value());
  EXPECT_NEAR(*m.change_percent, 10, 1e-9);
}

TEST(CompareMetric, AnEffectJustUnderTheMinimalIsNoChangeJustOverIsAChange) {
  using V = ar::Verdict;
  auto under = ar::compare_metric(rule("requests/s"), kFive, scaled(kFive, 1.049));
  EXPECT_LT(under.test->p_value, 0.05) << "the evidence is there; the effect is not";
  EXPECT_EQ(under.verdict, V::no_change);
  EXPECT_EQ(ar::compare_metric(rule("requests/s"), kFive, scaled(kFive, 1.051)).verdict, V::better);
  EXPECT_EQ(ar::compare_metric(rule("CPU us/req"), kFive, scaled(kFive, 0.951)).verdict, V::no_change);
  EXPECT_EQ(ar::compare_metric(rule("CPU us/req"), kFive, scaled(kFive, 0.949)).verdict, V::better);
  EXPECT_EQ(ar::compare_metric(rule("p50 us"), kFive, scaled(kFive, 1.099)).verdict, V::no_change);
  EXPECT_EQ(ar::compare_metric(rule("p50 us"), kFive, scaled(kFive, 1.101)).verdict, V::worse);
  EXPECT_EQ(ar::compare_metric(rule("p99 us"), kFive, scaled(kFive, 1.49)).verdict, V::no_change);
  EXPECT_EQ(ar::compare_metric(rule("p99 us"), kFive, scaled(kFive, 1.51)).verdict, V::worse);
  EXPECT_EQ(ar::compare_metric(rule("p99.9 us"), kFive, scaled(kFive, 1.99)).verdict, V::no_change);
  EXPECT_EQ(ar::compare_metric(rule("p99.9 us"), kFive, scaled(kFive, 2.01)).verdict, V::worse);
}

TEST(CompareMetric, APValueJustOverTheLevelIsNoChangeJustUnderIsAChange) {
  using V = ar::Verdict;
  const std::vector<double> a{100, 101, 102, 103, 104};
  // B is +18.6% at the median in both; one or two of B's values fall among A's.
  auto two_below = ar::compare_metric(rule("requests/s"), a, {102.5, 120, 121, 122, 123});
  EXPECT_NEAR(two_below.test->p_value, 0.032, 0.0005);
  EXPECT_EQ(two_below.verdict, V::better);
  auto three_below = ar::compare_metric(rule("requests/s"), a, {101.5, 120, 121, 122, 123});
  EXPECT_NEAR(three_below.test->p_value, 0.056, 0.0005);
  EXPECT_EQ(three_below.verdict, V::no_change);
  EXPECT_EQ(ar::verdict_reason(three_below), "p >= 0.05");
}

TEST(CompareMetric, ThreeRepetitionsAgainstThreeCannotShowAChangeFourAgainstFourCan) {
  using V = ar::Verdict;
  auto three = ar::compare_metric(rule("requests/s"), {100, 101, 102}, {120, 121, 122});
  EXPECT_NEAR(three.test->p_value, 0.1, 1e-9) << "the smallest p of 3+3";
  EXPECT_EQ(three.verdict, V::too_few_repetitions);
  EXPECT_EQ(ar::verdict_reason(three), "3+3 cannot reach p < 0.05; 4+4 can");
  EXPECT_EQ(ar::compare_metric(rule("requests/s"), {100, 101, 102}, {90, 91, 92}).verdict, V::too_few_repetitions);
  EXPECT_EQ(ar::compare_metric(rule("p99 us"), {100, 101, 102}, {90, 91, 92}).verdict, V::no_change)
      << "-10% of a p99 is under its 50%";
  EXPECT_EQ(ar::compare_metric(rule("requests/s"), {100, 101, 102}, {120, 121, 122, 123}).verdict,
            V::too_few_repetitions)
      << "3+4: p >= 0.057";
  auto four = ar::compare_metric(rule("requests/s"), {100, 101, 102, 103}, {120, 121, 122, 123});
  EXPECT_NEAR(four.test->p_value, 0.029, 0.0005);
  EXPECT_EQ(four.verdict, V::better);
  EXPECT_EQ(ar::repetitions_needed(), 4u);
  // Under the minimal effect, more repetitions could not make it a change: no change.
  EXPECT_EQ(ar::compare_metric(rule("requests/s"), {100, 101, 102}, {102, 103, 104}).verdict, V::no_change);
  EXPECT_EQ(ar::compare_metric(rule("requests/s"), {100, 110, 120}, {105, 115, 125}).verdict, V::no_change);
}

TEST(CompareMetric, PeakRssNeedsAPercentAndAMebibyte) {
  using V = ar::Verdict;
  // Three tied values a side: the test's normal approximation gives p = 0.047 for +0.3%.
  auto tied = ar::compare_metric(rule("RSS MiB"), {11.2, 11.2, 11.2}, {11.2336, 11.2336, 11.2336});
  EXPECT_NEAR(tied.test->p_value, 0.047, 0.0005);
  EXPECT_NEAR(*tied.change_percent, 0.3, 1e-6);
  EXPECT_EQ(tied.verdict, V::no_change);
  EXPECT_EQ(ar::verdict_reason(tied), "under the minimal 5% and 2 MiB");
  auto four = ar::compare_metric(rule("RSS MiB"), {11.20, 11.21, 11.22, 11.23}, {11.24, 11.25, 11.26, 11.27});
  EXPECT_LT(four.test->p_value, 0.05);
  EXPECT_EQ(four.verdict, V::no_change) << "+0.3% with p = 0.029";
  EXPECT_EQ(ar::compare_metric(rule("RSS MiB"), scaled(kFive, 0.01), scaled(kFive, 0.011)).verdict, V::no_change)
      << "+10% of 10 MiB is 1 MiB";
  EXPECT_EQ(ar::compare_metric(rule("RSS MiB"), scaled(kFive, 0.1), scaled(kFive, 0.1049)).verdict, V::no_change)
      << "+4.9% of 100 MiB";
  EXPECT_EQ(ar::compare_metric(rule("RSS MiB"), scaled(kFive, 0.1), scaled(kFive, 0.1051)).verdict, V::worse)
      << "+5.1% of 100 MiB";
  EXPECT_EQ(ar::compare_metric(rule("RSS MiB"), scaled(kFive, 0.03), scaled(kFive, 0.0319)).verdict, V::no_change)
      << "+1.9 MiB of 30";
  EXPECT_EQ(ar::compare_metric(rule("RSS MiB"), scaled(kFive, 0.03), scaled(kFive, 0.0321)).verdict, V::worse)
      << "+2.1 MiB of 30";
}

TEST(CompareMetric, AllocationsNeedHalfAnAllocationPerRequest) {
  using V = ar::Verdict;
  EXPECT_EQ(ar::compare_metric(rule("allocs/req"), scaled(kFive, 0.002), scaled(kFive, 0.0024)).verdict, V::no_change)
      << "2.0 to 2.4";
  EXPECT_EQ(ar::compare_metric(rule("allocs/req"), scaled(kFive, 0.002), scaled(kFive, 0.0026)).verdict, V::worse)
      << "2.0 to 2.6";
  auto from_none = ar::compare_metric(rule("allocs/req"), {0, 0, 0, 0}, {1, 1, 1, 1});
  EXPECT_FALSE(from_none.change_percent.has_value()) << "no percent of zero";
  EXPECT_EQ(from_none.verdict, V::worse);
}

TEST(CompareRuns, MediansUnderOneKeepThreeDigits) {
  auto with_allocations = [](double allocations) {
    json c = cell("x", {100, 100, 100, 100});
    for (auto& r : c["repetitions"]) r["server"]["allocations_per_request"] = allocations;
    return c;
  };
  auto c = ar::compare_runs(run_of({with_allocations(0.0153)}), run_of({with_allocations(0.0121)}), "A", "B");
  ASSERT_EQ(c.cells[0].metrics.size(), 7u) << "allocations per request when both runs counted them";
  EXPECT_EQ(c.cells[0].metrics[6].metric, "allocs/req");
  const std::string text = ar::format_comparison(c);
  EXPECT_NE(text.find("0.0153"), std::string::npos) << text;
  EXPECT_NE(ar::format_comparison_markdown(c).find("| 0.0153 (0.0153-0.0153) | 0.0121 (0.0121-0.0121) |"),
            std::string::npos);
}

// Two runs of one build: every metric of every cell drawn from the same distribution,
// each run shifted by a drift under the metric's minimal effect, with five repetitions
// so the test can speak. Some p-values fall under 0.05 by chance; the minimal
// effects keep them from becoming verdicts.
TEST(CompareRuns, TwoRunsOfTheSameBuildAreAtLeast95PercentNoChange) {
  std::mt19937 random(20261204);
  std::normal_distribution<double> noise(0, 0.02);
  std::uniform_real_distribution<double> drift(-0.02, 0.02);
  auto one_run = [&] {
    std::vector<json> cells;
    for (int i = 0; i < 44; ++i) {
      const double run_drift = 1 + drift(random);
      auto draw = [&](double median) { return median * run_drift * (1 + noise(random)); };
      json reps = json::array();
      for (int r = 0; r < 5; ++r) {
        reps.push_back({{"requests_per_second", draw(50000)},
                        {"latency", {{"p50_us", draw(1000)}, {"p99_us", draw(3000)}, {"p999_us", draw(6000)}}},
                        {"server", {{"cpu_us_per_request", draw(20)}, {"rss_peak_bytes", draw(12 << 20)}}}});
      }
      cells.push_back({{"server", "s" + std::to_string(i)}, {"workload", "json"}, {"connections", 64},
                       {"status", "ok"}, {"repetitions", reps}});
    }
    return run_of(cells);
  };
  const auto a = one_run();
  const auto b = one_run();
  const auto c = ar::compare_runs(a, b, "A", "B");
  std::size_t rows = 0, no_change = 0, by_chance = 0;
  for (const auto& cell : c.cells) {
    for (const auto& m : cell.metrics) {
      ++rows;
      if (m.verdict == ar::Verdict::no_change) ++no_change;
      if (m.test && m.test->p_value < ar::kSignificance) ++by_chance;
    }
  }
  EXPECT_EQ(rows, 44u * 6);
  EXPECT_GT(by_chance, 0u) << "the draw should hold p-values under 0.05 for the floors to stop";
  EXPECT_GE(static_cast<double>(no_change), 0.95 * static_cast<double>(rows)) << ar::format_comparison(c);
}

TEST(CompareRuns, TheSummaryCountsEachVerdictAlikeInTextMarkdownAndJson) {
  auto a = run_of({cell("x", {100, 101, 102, 103, 104}), cell("y", {100, 101, 102}), cell("z", {100, 101, 102})});
  auto b = run_of({cell("x", {200, 201, 202, 203, 204}), cell("y", {200, 201, 202}), cell("z", {101, 102, 103})});
  auto c = ar::compare_runs(a, b, "A", "B");
  // x: requests/s better, 5 others unchanged; y: requests/s too few, 5 unchanged; z: 6 unchanged.
  const std::string summary = "18 metrics compared: 1 better, 0 worse, 16 no change, 1 too few repetitions";
  const std::string text = ar::format_comparison(c);
  EXPECT_NE(text.find(summary), std::string::npos) << text;
  EXPECT_NE(text.find("too few repetitions (3+3 cannot reach p < 0.05; 4+4 can)"), std::string::npos) << text;
  EXPECT_NE(text.find("with 3+3 repetitions its smallest p is 0.100; 4+4 reach 0.029 (apibench run -r 4)"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("requests/s 5%"), std::string::npos) << text;
  EXPECT_NE(text.find("RSS MiB 5% and 2 MiB"), std::string::npos) << text;
  const std::string md = ar::format_comparison_markdown(c);
  EXPECT_NE(md.find(summary), std::string::npos) << md;
  EXPECT_NE(md.find("| 3+3 | too few repetitions (3+3 cannot reach p < 0.05; 4+4 can) |"), std::string::npos) << md;
  const json j = ar::to_json(c);
  EXPECT_EQ(j["verdict_counts"], json({{"better", 1}, {"worse", 0}, {"no change", 16}, {"too few repetitions", 1},
                                       {"one value each", 0}, {"not comparable", 0}}));
  const json& y_rps = j["cells"][1]["metrics"][0];
  EXPECT_EQ(y_rps["verdict"], "too few repetitions");
  EXPECT_EQ(y_rps["reason"], "3+3 cannot reach p < 0.05; 4+4 can");
  EXPECT_EQ(y_rps["a"]["n"], 3);
  EXPECT_EQ(y_rps["minimal_effect"]["percent"], 5);
}

TEST(CompareRuns, MatchesCellsAndListsTheRest) {
  auto a = run_of({cell("x", {100, 101, 102, 103, 104}), cell("only-a", {1})});
  auto b = run_of({cell("x", {200, 201, 202, 203, 204}), cell("only-b", {1})});
  auto c = ar::compare_runs(a, b, "A", "B");
  ASSERT_EQ(c.cells.size(), 1u);
  EXPECT_EQ(c.cells[0].server, "x");
  EXPECT_EQ(c.cells[0].metrics[0].metric, "requests/s");
  EXPECT_EQ(c.cells[0].metrics[0].verdict, ar::Verdict::better);
  EXPECT_EQ(c.cells[0].metrics[1].verdict, ar::Verdict::no_change);  // identical p50
  EXPECT_EQ(c.only_in_a, std::vector<std::string>{"only-a/json/c64"});
  EXPECT_EQ(c.only_in_b, std::vector<std::string>{"only-b/json/c64"});
  auto md = ar::format_comparison_markdown(c);
  EXPECT_NE(md.find("| requests/s |"), std::string::npos);
  EXPECT_EQ(ar::to_json(c)["cells"][0]["metrics"][0]["verdict"], "better");
  EXPECT_EQ(ar::to_json(c)["schema"], ar::kCompareSchema);
}

TEST(CompareRuns, EveryUnmatchedCellGetsANoteThatSaysWhy) {
  auto reference = run_of({cell("rust-style", {100, 100, 100}), cell("go-gin", {50, 50, 50}),
                           cell("go-style", {80, 80, 80}, "json", 16), failed("go-echo", "json", "not ready after 15000 ms"),
                           cell("rust-style", {90}, "plaintext")});
  auto run = run_of({cell("rust-style", {110, 110, 110}), cell("rust-style", {70, 70, 70}, "orders"),
                     cell("go-style", {80, 80, 80}, "json", 64), cell("go-echo", {60, 60, 60}),
                     failed("rust-style", "plaintext", "the server died during repetition 1 (signal 9)")});
  auto c = ar::compare_runs(reference, run, "results/reference", "results/new");

  ASSERT_EQ(c.cells.size(), 1u);
  EXPECT_EQ(c.cells[0].server, "rust-style");
  EXPECT_EQ(note_for(c, "go-gin/json/c64"), "server go-gin is not in B");
  EXPECT_EQ(note_for(c, "rust-style/orders/c64"), "workload orders is not in A");
  EXPECT_EQ(note_for(c, "go-style/json/c16"), "B measured it at 64 connections only");
  EXPECT_EQ(note_for(c, "go-style/json/c64"), "A measured it at 16 connections only");
  EXPECT_EQ(note_for(c, "go-echo/json/c64"), "failed in A: not ready after 15000 ms");
  EXPECT_EQ(note_for(c, "rust-style/plaintext/c64"), "failed in B: the server died during repetition 1 (signal 9)");
  EXPECT_EQ(c.not_compared.size(), 6u);

  const std::string text = ar::format_comparison(c);
  EXPECT_NE(text.find("not compared:\n"), std::string::npos) << text;
  EXPECT_NE(text.find("go-gin/json/c64: server go-gin is not in B"), std::string::npos) << text;
  EXPECT_NE(ar::format_comparison_markdown(c).find("- go-echo/json/c64: failed in A"), std::string::npos);
  EXPECT_EQ(ar::to_json(c)["not_compared"].size(), 6u);
}

TEST(CompareRuns, SweepsCompareTheirMaximumAndIdleCellsTheirBytesPerConnection) {
  auto a = run_of({sweep("rust-style", 20000), sweep("go-style", std::nullopt), idle("rust-style", 3000),
                   cell("go-style", {1, 1, 1}, "idle-10k", 10000)});
  auto b = run_of({sweep("rust-style", 25000), sweep("go-style", 9000), idle("rust-style", 6000),
                   idle("go-style", 14000)});
  auto c = ar::compare_runs(a, b, "A", "B");

  const auto* rust_sweep = compared(c, "rust-style", "json-sweep");
  ASSERT_NE(rust_sweep, nullptr);
  ASSERT_EQ(rust_sweep->metrics.size(), 1u);
  ASSERT_TRUE(rust_sweep->metrics[0].change_percent.has_value());
  EXPECT_NEAR(*rust_sweep->metrics[0].change_percent, 25, 1e-9);
  EXPECT_EQ(rust_sweep->metrics[0].verdict, ar::Verdict::single_values) << "one value each: no verdict";
  EXPECT_FALSE(rust_sweep->metrics[0].test.has_value());
  EXPECT_EQ(ar::to_json(c)["cells"][0]["metrics"][0]["p_value"], json()) << "no test, no p";
  const auto* rust_idle = compared(c, "rust-style", "idle-10k");
  ASSERT_NE(rust_idle, nullptr);
  ASSERT_TRUE(rust_idle->metrics[0].change_percent.has_value());
  EXPECT_NEAR(*rust_idle->metrics[0].change_percent, 100, 1e-9);
  EXPECT_EQ(rust_idle->metrics[0].verdict, ar::Verdict::single_values);
  EXPECT_EQ(note_for(c, "go-style/json-sweep/c64"), "no sweep step met the SLO in A");
  EXPECT_EQ(note_for(c, "go-style/idle-10k/c10000"), "measured differently: a load in A, a idle-connection measurement in B");
}

TEST(CompareRuns, CellsWithMissingFieldsCompareAsZerosInsteadOfFailing) {
  json bare = {{"server", "x"}, {"workload", "json"}, {"connections", 64}, {"status", "ok"},
               {"repetitions", json::array({json::object(), json::object()})}};
  auto c = ar::compare_runs(run_of({bare}), run_of({cell("x", {100, 100})}), "A", "B");
  ASSERT_EQ(c.cells.size(), 1u);
  EXPECT_EQ(c.cells[0].metrics.size(), 6u);
  EXPECT_DOUBLE_EQ(c.cells[0].metrics[0].a.median, 0);
}

TEST(CompareCommand, WritesTheComparisonIntoBAndExplainsAMissingReference) {
  ar::TempDir dir("compare-test");
  const fs::path reference = dir.path() / "results" / "reference";
  const fs::path run = dir.path() / "results" / "new";
  fs::create_directories(reference);
  fs::create_directories(run);
  auto write = [](const fs::path& to, std::vector<json> cells) {
    apibench::runner::write_file_atomically(to / "run.json",
                                            json{{"schema", apibench::runner::kRunSchema}, {"cells", cells}}.dump());
  };
  write(reference, {cell("rust-style", {100, 100, 100}), cell("go-gin", {50, 50, 50})});
  write(run, {cell("rust-style", {110, 110, 110}), sweep("rust-style", 1000)});

  EXPECT_EQ(ar::resolve_run_path("reference", dir.path()), reference);
  EXPECT_EQ(ar::resolve_run_path("results/new", dir.path()), run) << "found under the source tree";
  EXPECT_EQ(ar::resolve_run_path("/abs/x", dir.path()), fs::path("/abs/x"));

  EXPECT_EQ(ar::compare_command(reference, run), 0);
  ASSERT_TRUE(fs::exists(run / "compare-reference.md"));
  const json written = json::parse(ar::testing::read_file(run / "compare-reference.json"));
  EXPECT_EQ(written["not_compared"].size(), 2u);

  EXPECT_EQ(ar::compare_command(reference / "run.json", run / "run.json"), 0) << "run.json files work as well";
  EXPECT_EQ(ar::compare_command(dir.path() / "nowhere" / "reference", run), 2);
}
