// apibench compare on made-up runs with known answers, including runs that do not
// hold the same cells (what comparing against results/reference meets).
#include "report/compare.hpp"

#include <gtest/gtest.h>

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

TEST(CompareMetric, Verdicts) {
  using V = ar::Verdict;
  EXPECT_EQ(ar::compare_metric("rps", true, {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124}).verdict, V::better);
  EXPECT_EQ(ar::compare_metric("p99", false, {100, 101, 102, 103, 104}, {120, 121, 122, 123, 124}).verdict, V::worse);
  EXPECT_EQ(ar::compare_metric("rps", true, {100, 101, 102}, {120, 121, 122}).verdict, V::likely_better);
  EXPECT_EQ(ar::compare_metric("p99", false, {100, 101, 102}, {90, 91, 92}).verdict, V::likely_better);
  EXPECT_EQ(ar::compare_metric("rps", true, {100, 110, 120}, {105, 115, 125}).verdict, V::no_change);
  auto m = ar::compare_metric("rps", true, {100, 100, 100}, {110, 110, 110});
  EXPECT_NEAR(m.change_percent, 10, 1e-9);
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
  EXPECT_NEAR(rust_sweep->metrics[0].change_percent, 25, 1e-9);
  EXPECT_EQ(rust_sweep->metrics[0].verdict, ar::Verdict::single_values) << "one value each: no verdict";
  const auto* rust_idle = compared(c, "rust-style", "idle-10k");
  ASSERT_NE(rust_idle, nullptr);
  EXPECT_NEAR(rust_idle->metrics[0].change_percent, 100, 1e-9);
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
