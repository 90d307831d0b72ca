#include <gtest/gtest.h>

#include "reproduce/design_ratios.hpp"
#include "reproduce/tests/made_up_run.hpp"

namespace rp = apibench::reproduce;
using namespace rp::testing;

namespace {

const rp::RatioLine& line(const std::vector<rp::RatioLine>& lines, const std::string& starts_with) {
  for (const auto& l : lines) {
    if (l.what.starts_with(starts_with)) return l;
  }
  throw std::runtime_error("no line " + starts_with);
}

}  // namespace

TEST(DesignRatios, RatiosAndTargetsFromOneRun) {
  const apibench::report::RunData run = apibench::report::run_from_json(run_json({
      load_cell("nginx", "json", 64, reps_with_cpu(10)),
      load_cell("rust-style", "json", 64, reps_with_cpu(9, 0.0)),
      load_cell("rust-hyper", "json", 64, reps_with_cpu(12, 7.0)),
      load_cell("rust-style", "orders", 64, reps_with_cpu(15, 0.01)),
      load_cell("go-style", "json", 64, reps_with_cpu(18, 22.0)),
      load_cell("go-nethttp", "json", 64, reps_with_cpu(30)),
      failed_cell("go-style", "orders", "exited before ready"),
      idle_cell("rust-style", 20000),
      idle_cell("rust-hyper", 10000),
  }));
  const auto lines = rp::design_ratios(run);
  EXPECT_FALSE(line(lines, "/json p99 beside blocked /work, over /json p99 alone: rust-style").ratio)
      << "no blocking cell: not measured";
  EXPECT_DOUBLE_EQ(*line(lines, "CPU us/request, GET /json: rust-style / nginx").ratio, 0.9);
  EXPECT_TRUE(*line(lines, "CPU us/request, GET /json: rust-style / nginx").met);
  EXPECT_DOUBLE_EQ(*line(lines, "CPU us/request, GET /json: rust-style / rust-hyper").ratio, 0.75);
  EXPECT_DOUBLE_EQ(*line(lines, "RSS per idle connection: rust-style").ratio, 2.0);
  EXPECT_FALSE(*line(lines, "RSS per idle connection: rust-style").met);
  EXPECT_TRUE(*line(lines, "allocations/request, json").met);
  EXPECT_FALSE(line(lines, "allocations/request, cache").met) << "no cache cell: not measured";
  EXPECT_FALSE(line(lines, "CPU us/request, POST /orders: go-style").ratio);
  EXPECT_NE(line(lines, "CPU us/request, POST /orders: go-style").note.find("exited before ready"), std::string::npos);
  EXPECT_DOUBLE_EQ(*line(lines, "CPU us/request, GET /json: go-style / go-nethttp").ratio, 0.6);
  const std::string table = rp::format_design_ratios(lines);
  EXPECT_NE(table.find("| allocations/request, orders: rust-style (rust-hyper beside) | 0.010 | - | - | report | reported |"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("| CPU us/request, GET /json: rust-style / nginx | 9.00 | 10.0 | 0.90 | <= 1.00 | yes |"),
            std::string::npos)
      << table;
}

TEST(DesignRatios, BlockingFactorNeedsABackgroundGroup) {
  Rep alone, blocked;
  alone.p99_us = 500;
  blocked.p99_us = 1500;
  nlohmann::json with_background = load_cell("go-style", "blocking", 64, {blocked, blocked, blocked});
  for (auto& r : with_background["repetitions"]) r["background"] = {{"requests", 100}};
  const apibench::report::RunData run = apibench::report::run_from_json(run_json({
      load_cell("go-style", "json", 64, {alone, alone, alone}), with_background,
      load_cell("rust-style", "json", 64, {alone, alone, alone}),
      load_cell("rust-style", "blocking", 64, {blocked, blocked, blocked}),  // no background recorded
  }));
  const auto lines = rp::design_ratios(run);
  const rp::RatioLine& go = line(lines, "/json p99 beside blocked /work, over /json p99 alone: go-style");
  ASSERT_TRUE(go.ratio);
  EXPECT_DOUBLE_EQ(*go.ratio, 3.0);
  EXPECT_FALSE(*go.met);
  EXPECT_FALSE(line(lines, "/json p99 beside blocked /work, over /json p99 alone: rust-style").ratio);
}

TEST(DesignRatios, JsonP99AtHalfItsOwnMaxHoldsOnlyRustStyleToOneMs) {
  Rep fast, slow;
  fast.p99_us = 830;
  slow.p99_us = 4600;
  const apibench::report::RunData run = apibench::report::run_from_json(run_json({
      load_cell("rust-style", "json-half-max", 64, {fast, fast, fast}),
      load_cell("go-style", "json-half-max", 64, {slow, slow, slow}),
      failed_cell("nginx", "json-half-max", "exited before ready"),
  }));
  const auto lines = rp::design_ratios(run);
  const rp::RatioLine& rust = line(lines, "/json p99 at 50% of its own max (open loop), ms: rust-style");
  ASSERT_TRUE(rust.va);
  EXPECT_DOUBLE_EQ(*rust.va, 0.83);
  EXPECT_EQ(rust.target, "<= 1.00 ms");
  EXPECT_TRUE(rust.met && *rust.met);
  const rp::RatioLine& go = line(lines, "/json p99 at 50% of its own max (open loop), ms: go-style");
  EXPECT_DOUBLE_EQ(*go.va, 4.6);
  EXPECT_EQ(go.target, "report");
  EXPECT_FALSE(go.met) << "report-only: no verdict";
  const rp::RatioLine& nginx = line(lines, "/json p99 at 50% of its own max (open loop), ms: nginx");
  EXPECT_FALSE(nginx.va);
  EXPECT_NE(nginx.note.find("exited before ready"), std::string::npos);
  const std::string table = rp::format_design_ratios(lines);
  EXPECT_NE(table.find("| /json p99 at 50% of its own max (open loop), ms: rust-style | 0.830 | - | - | <= 1.00 ms | yes |"),
            std::string::npos)
      << table;
  EXPECT_NE(table.find("| /json p99 at 50% of its own max (open loop), ms: go-style | 4.60 | - | - | report | reported |"),
            std::string::npos)
      << table;
}
