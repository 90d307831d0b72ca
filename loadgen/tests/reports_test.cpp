#include <gtest/gtest.h>

#include "histogram/histogram_json.hpp"
#include "loadgen/result_json.hpp"
#include "loadgen/summary.hpp"

namespace apibench::loadgen {
namespace {

LoadResult sample_result(bool open_loop) {
  LoadResult r;
  r.open_loop = open_loop;
  r.requests = 3;
  r.requests_sent = 4;
  r.elapsed = std::chrono::seconds(1);
  for (std::uint64_t v : {1'000u, 2'000'000u, 3'000'000'000u}) r.latency.record(v), r.service_time.record(v / 2);
  r.errors.timeout = 2;
  r.status_classes[2] = 3;
  r.timeline = {{3, 2, 3'000'000'000}};
  ErrorCounts root_errors;
  root_errors.timeout = 2;
  r.endpoints = {{"root", 3, r.latency, r.latency, {}, root_errors},
                 {"other", 0, LatencyHistogram{}, LatencyHistogram{}, {}, ErrorCounts{}}};
  return r;
}

LoadSpec sample_spec() {
  LoadSpec spec;
  spec.port = 8080;
  spec.rate = 100;
  spec.requests = {{"root", "GET / HTTP/1.1\r\n\r\n", 1.0}};
  return spec;
}

TEST(ResultJson, HasTheVersionedSchema) {
  const auto json = load_result_to_json(sample_spec(), sample_result(true));
  EXPECT_EQ(json["schema"], "apibench.load/1");
  EXPECT_EQ(json["spec"]["mode"], "open");
  EXPECT_EQ(json["spec"]["rate"], 100.0);
  EXPECT_EQ(json["requests"], 3);
  EXPECT_EQ(json["requests_sent"], 4);
  EXPECT_EQ(json["requests_per_second"], 3.0);
  EXPECT_EQ(json["errors"]["timeout"], 2);
  EXPECT_EQ(json["errors"]["total"], 2);
  EXPECT_EQ(json["status_classes"]["2xx"], 3);
  EXPECT_EQ(json["latency"]["percentiles_ns"]["max"], 3'000'000'000u);
  EXPECT_EQ(json["service_time"]["max_ns"], 1'500'000'000u);
  EXPECT_EQ(json["timeline"][0]["p99_ns"], 3'000'000'000u);
  EXPECT_EQ(json["endpoints"][1]["name"], "other");
  EXPECT_EQ(json["endpoints"][0]["errors"]["timeout"], 2);
  EXPECT_EQ(json["endpoints"][1]["errors"]["total"], 0);
  EXPECT_EQ(json["connections_open"], 0);
}

TEST(ResultJson, EmbedsHistogramsLosslessly) {
  const auto result = sample_result(false);
  const auto json = nlohmann::json::parse(load_result_to_json(sample_spec(), result).dump());
  std::string error;
  const auto latency = histogram_from_json(json["latency"]["histogram"], error);
  ASSERT_TRUE(latency) << error;
  EXPECT_EQ(latency->count(), 3u);
  EXPECT_EQ(latency->max(), result.latency.max());
  EXPECT_EQ(latency->sum(), result.latency.sum());
}

TEST(Summary, ShowsCountsErrorsAndBothLatenciesInAnOpenLoop) {
  const auto text = format_summary(sample_spec(), sample_result(true));
  EXPECT_NE(text.find("open loop at 100 req/s"), std::string::npos) << text;
  EXPECT_NE(text.find("timeout 2"), std::string::npos) << text;
  EXPECT_NE(text.find("corrected"), std::string::npos) << text;
  EXPECT_NE(text.find("service time"), std::string::npos) << text;
  EXPECT_NE(text.find("p99.99"), std::string::npos) << text;
  EXPECT_NE(text.find("3.000 s"), std::string::npos) << text;
  EXPECT_NE(text.find("endpoint"), std::string::npos) << text;
  EXPECT_NE(text.find("2 (timeout 2)"), std::string::npos) << text;  // the root endpoint's errors
}

TEST(Summary, FormatsLatencyUnits) {
  EXPECT_EQ(format_latency(850), "850 ns");
  EXPECT_EQ(format_latency(123'456), "123.5 us");
  EXPECT_EQ(format_latency(12'345'678), "12.35 ms");
  EXPECT_EQ(format_latency(1'234'567'890), "1.235 s");
}

}  // namespace
}  // namespace apibench::loadgen
