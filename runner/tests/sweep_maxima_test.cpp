// Which sweep maximum sets each server's open-loop rate: its own, or the lowest
// of all; a server without one gets the reason instead.
#include <gtest/gtest.h>

#include "runner/open_loop.hpp"

namespace ar = apibench::runner;

namespace {

ar::CellResult swept(const std::string& server, std::optional<double> max, const std::string& workload = "s") {
  ar::CellResult c(server, workload, 64);
  c.ok = max.has_value();
  c.sweep.emplace();
  c.sweep->max_rate = max;
  if (!max) c.error = "the closed-loop probe got no responses";
  return c;
}

ar::OpenLoopSpec from_sweep(bool lowest) {
  ar::OpenLoopSpec o;
  o.fraction_of_max = 0.5;
  o.max_from = "s";
  o.of_lowest = lowest;
  return o;
}

}  // namespace

TEST(SweepMaxima, EachServerTakesItsOwn) {
  const std::vector<ar::CellResult> done{swept("a", 40000), swept("b", 10000), swept("a", 99999, "other")};
  auto m = ar::sweep_maxima(from_sweep(false), {"a", "b"}, done);
  EXPECT_DOUBLE_EQ(m["a"].requests_per_second, 40000);
  EXPECT_EQ(m["a"].server, "a");
  EXPECT_DOUBLE_EQ(m["b"].requests_per_second, 10000);
}

TEST(SweepMaxima, TheLowestIsEveryServersRate) {
  const std::vector<ar::CellResult> done{swept("a", 40000), swept("b", 10000), swept("c", std::nullopt)};
  for (const auto& [server, m] : ar::sweep_maxima(from_sweep(true), {"a", "b", "c"}, done)) {
    EXPECT_DOUBLE_EQ(m.requests_per_second, 10000) << server;
    EXPECT_EQ(m.server, "b") << server;
  }
}

TEST(SweepMaxima, AServerWithoutAMaximumGetsTheReason) {
  const std::vector<ar::CellResult> done{swept("a", 40000), swept("b", std::nullopt)};
  auto m = ar::sweep_maxima(from_sweep(false), {"a", "b", "c"}, done);
  EXPECT_DOUBLE_EQ(m["b"].requests_per_second, 0);
  EXPECT_EQ(m["b"].why_none, "'s' found no maximum for b: the closed-loop probe got no responses");
  EXPECT_EQ(m["c"].why_none, "no maximum of 's' for c in this run");
  auto none = ar::sweep_maxima(from_sweep(true), {"b"}, {swept("b", std::nullopt)});
  EXPECT_EQ(none["b"].why_none, "no server has a maximum of 's' in this run");
}

TEST(SweepMaxima, TheOfferIsTheFractionOfTheMaximum) {
  apibench::loadgen::LoadSpec spec;
  const auto record = ar::offer_from_sweep(spec, from_sweep(true), {10000, "b", ""});
  ASSERT_TRUE(spec.rate);
  EXPECT_DOUBLE_EQ(*spec.rate, 5000);
  EXPECT_DOUBLE_EQ(record.offered_rate, 5000);
  EXPECT_EQ(record.max_from, "s");
  EXPECT_EQ(record.max_server, "b");
  EXPECT_DOUBLE_EQ(record.max_requests_per_second, 10000);
  EXPECT_DOUBLE_EQ(record.probe_requests_per_second, 0);
}
