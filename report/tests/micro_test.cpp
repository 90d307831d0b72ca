// The micro-benchmark report from small made-up Google Benchmark JSON files:
// known medians, cvs and counters must come out as known rows.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "report/micro_data.hpp"
#include "report/micro_render.hpp"
#include "report/micro_report.hpp"
#include "report/micro_tables.hpp"
#include "report/subprocess.hpp"

namespace apibench::report {
namespace {

using json = nlohmann::json;

json aggregate(const std::string& name, const std::string& kind, double real_time, const std::string& unit,
               json counters = json::object()) {
  json entry = {{"name", name + "_" + kind}, {"run_name", name}, {"run_type", "aggregate"},
                {"repetitions", 5}, {"aggregate_name", kind}, {"real_time", real_time},
                {"cpu_time", real_time}, {"time_unit", unit}};
  entry.update(counters);
  return entry;
}

// bm_json: a parse with allocations and bytes/s (median 2.5 us, cv 4 %), and a
// write whose mean differs from its median (the median must be taken).
json json_topic() {
  return {{"context", {{"host_name", "testhost"}, {"build_type", "Release"}, {"compiler", "12.2.0"},
                       {"git_commit", "abc123"}, {"git_dirty", "false"}, {"num_cpus", 2}, {"mhz_per_cpu", 2100},
                       {"library_build_type", "debug"}, {"date", "2026-11-24T05:00:00+00:00"}}},
          {"benchmarks",
           {aggregate("BM_Parse/10", "mean", 2.6, "us", {{"allocs_per_op", 7.0}, {"bytes_per_second", 4.0e8}}),
            aggregate("BM_Parse/10", "median", 2.5, "us", {{"allocs_per_op", 7.0}, {"bytes_per_second", 4.0e8}}),
            aggregate("BM_Parse/10", "stddev", 0.1, "us"),
            aggregate("BM_Parse/10", "cv", 0.04, "us"),
            aggregate("BM_Write/10", "mean", 900, "ns"),
            aggregate("BM_Write/10", "median", 812.4, "ns", {{"items_per_second", 1.2e6}}),
            aggregate("BM_Write/10", "cv", 0.125, "ns")}}};
}

// bm_tasks: one run without repetitions (no aggregates), and one that failed.
json tasks_topic() {
  return {{"context", json::object()},
          {"benchmarks",
           {{{"name", "BM_Resume"}, {"run_name", "BM_Resume"}, {"run_type", "iteration"}, {"real_time", 1.75},
             {"time_unit", "ns"}, {"allocs_per_op", 0.0}},
            {{"name", "BM_Broken"}, {"run_name", "BM_Broken"}, {"run_type", "iteration"}, {"error_occurred", true},
             {"error_message", "wrong answer"}, {"real_time", 0}, {"time_unit", "ns"}}}}};
}

TEST(MicroReport, MedianAndCvOfEachBenchmarkInFileOrder) {
  const MicroTopic topic = parse_micro_topic(json_topic(), "bm_json");
  EXPECT_EQ(topic.topic, "json");
  const Table t = micro_topic_table(topic);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"BM_Parse/10", "2500", "4.0", "7.00", "400 MB/s", "5"}));
  EXPECT_EQ(t.rows[1], (std::vector<std::string>{"BM_Write/10", "812", "12.5", "-", "1.2 Mitems/s", "5"}));
}

TEST(MicroReport, SingleRunsAndErrorsAreRows) {
  const Table t = micro_topic_table(parse_micro_topic(tasks_topic(), "bm_tasks"));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"BM_Resume", "1.75", "-", "0", "-", "1"}));
  EXPECT_EQ(t.rows[1][0], "BM_Broken");
  EXPECT_EQ(t.rows[1][1], "error: wrong answer");
}

TEST(MicroReport, ContextCarriesTheBuild) {
  MicroRun run{"results/x-micro", {parse_micro_topic(json_topic(), "bm_json")}, "load before the run: 0.5"};
  const Table t = micro_context_table(run);
  auto value = [&](const std::string& what) {
    for (const auto& row : t.rows) {
      if (row[0] == what) return row[1];
    }
    return std::string("(missing)");
  };
  EXPECT_EQ(value("build type"), "Release");
  EXPECT_EQ(value("compiler"), "12.2.0");
  EXPECT_EQ(value("commit"), "abc123");
  EXPECT_EQ(value("host"), "testhost");
  EXPECT_EQ(value("load"), "load before the run: 0.5");
}

TEST(MicroReport, NotGoogleBenchmarkJsonIsAnError) {
  EXPECT_THROW(parse_micro_topic(json::object(), "bm_x"), std::runtime_error);
  EXPECT_THROW(parse_micro_topic(json::array(), "bm_x"), std::runtime_error);
}

// Google Benchmark writes the cv of an always-zero counter as a bare NaN (seen in
// a real bm_cache.json); the file must still load, with that counter unknown.
TEST(MicroReport, BareNanAndInfFromGoogleBenchmarkReadAsMissing) {
  const json doc = parse_google_benchmark_json(R"({"context": {"host_name": "nan-host"},
    "benchmarks": [{"name": "BM_Get_median", "run_name": "BM_Get", "run_type": "aggregate",
                    "aggregate_name": "median", "repetitions": 5, "real_time": 12.5, "time_unit": "ns",
                    "allocs_per_op": NaN, "items_per_second": inf},
                   {"name": "BM_Get_cv", "run_name": "BM_Get", "run_type": "aggregate",
                    "aggregate_name": "cv", "real_time": 0.02, "time_unit": "ns", "allocs_per_op": -nan}]})");
  ASSERT_FALSE(doc.is_discarded());
  const MicroTopic topic = parse_micro_topic(doc, "bm_cache");
  ASSERT_EQ(topic.rows.size(), 1u);
  EXPECT_DOUBLE_EQ(topic.rows[0].median_ns, 12.5);
  EXPECT_FALSE(topic.rows[0].allocs_per_op.has_value());
  EXPECT_FALSE(topic.rows[0].items_per_second.has_value());
  EXPECT_EQ(topic.context.at("host_name"), "nan-host");
  EXPECT_TRUE(parse_google_benchmark_json(R"({"a": NaNx})").is_discarded());
}

TEST(MicroReport, FolderGetsMarkdownAndHtmlGroupedByTopic) {
  TempDir dir("apibench-micro-test");
  const auto folder = dir.path() / "20261124T050000Z-micro";
  std::filesystem::create_directories(folder / "micro");
  EXPECT_FALSE(is_micro_folder(folder));
  std::ofstream(folder / "micro" / "bm_tasks.json") << tasks_topic().dump(2);
  std::ofstream(folder / "micro" / "bm_json.json") << json_topic().dump(2);
  ASSERT_TRUE(is_micro_folder(folder));

  const ReportOutcome outcome = write_micro_reports(folder);
  ASSERT_EQ(outcome.written.size(), 2u);
  std::ifstream md_file(folder / "report.md");
  const std::string md((std::istreambuf_iterator<char>(md_file)), {});
  const auto json_section = md.find("## json (bm_json)");
  const auto tasks_section = md.find("## tasks (bm_tasks)");
  ASSERT_NE(json_section, std::string::npos) << md;
  ASSERT_NE(tasks_section, std::string::npos) << md;
  EXPECT_LT(json_section, tasks_section);
  EXPECT_NE(md.find("| BM_Parse/10 | 2500 | 4.0 | 7.00 | 400 MB/s | 5 |"), std::string::npos) << md;

  std::ifstream html_file(folder / "report.html");
  const std::string html((std::istreambuf_iterator<char>(html_file)), {});
  EXPECT_NE(html.find("<td>BM_Write/10</td><td class=\"num\">812</td>"), std::string::npos) << html;
  EXPECT_EQ(html.find("http://"), std::string::npos) << "the page must be self-contained";
}

TEST(MicroReport, RunFolderIsNotMicro) {
  TempDir dir("apibench-micro-test");
  std::filesystem::create_directories(dir.path() / "micro");
  std::ofstream(dir.path() / "micro" / "bm_json.json") << json_topic().dump();
  std::ofstream(dir.path() / "run.json") << "{}";
  EXPECT_FALSE(is_micro_folder(dir.path()));
}

}  // namespace
}  // namespace apibench::report
