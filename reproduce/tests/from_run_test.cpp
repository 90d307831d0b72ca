// `apibench reproduce --from DIR`: the claims files rebuilt from a finished run, no load.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/subprocess.hpp"
#include "reproduce/fixed_rate.hpp"
#include "reproduce/reproduce.hpp"
#include "reproduce/tests/made_up_run.hpp"

namespace rp = apibench::reproduce;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

rp::ReproduceOptions from(const fs::path& dir) {
  rp::ReproduceOptions o;
  o.run.suite = "claims";
  o.run.source_dir = APIBENCH_SOURCE_DIR;
  o.run.build_dir = dir / "no-build";  // binaries are missing: the ELF rows say so
  o.from = dir;
  return o;
}

}  // namespace

TEST(FromRun, WritesTheThreeClaimsFiles) {
  apibench::report::TempDir dir("reproduce-from");
  std::ofstream(dir.path() / "run.json") << rp::testing::four_server_run().dump(2);
  ASSERT_EQ(rp::reproduce_command(from(dir.path())), 0);
  for (const char* f : {"claims.md", "claims.html", "claims.json"}) EXPECT_TRUE(fs::exists(dir.path() / f)) << f;
  const nlohmann::json j = nlohmann::json::parse(read(dir.path() / "claims.json"));
  EXPECT_EQ(j["schema"], rp::kClaimsSchema);
  EXPECT_EQ(j["claims"].size(), 13u);
  EXPECT_EQ(j["claims"][0]["rows"][0]["verdicts"][0]["verdict"], "holds");
  const std::string md = read(dir.path() / "claims.md");
  EXPECT_NE(md.find("Lines of code for the same contract (proxy)"), std::string::npos);
  EXPECT_NE(md.find("cannot read"), std::string::npos) << "missing binaries are reported, not fatal";
}

TEST(FromRun, OutFolderAndFixedRateRecordAreUsed) {
  apibench::report::TempDir dir("reproduce-from");
  std::ofstream(dir.path() / "run.json") << rp::testing::four_server_run().dump();
  std::vector<rp::FixedRateResult> fixed = {
      {"rust-style", "json", rp::kCommonLoad, 1234, {rp::FixedRateWindow{1234, 50, 90, 150, 400, 2468, 0, {90, 95}}}, ""}};
  std::ofstream(dir.path() / rp::kFixedRateFile) << rp::to_json(fixed).dump();
  rp::ReproduceOptions o = from(dir.path());
  o.out = dir.path() / "elsewhere";
  ASSERT_EQ(rp::reproduce_command(o), 0);
  const std::string md = read(dir.path() / "elsewhere" / "claims.md");
  EXPECT_NE(md.find("Offered load: 1234 requests/s"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path() / "claims.md"));
}

TEST(FromRun, NotARunIsACleanError) {
  apibench::report::TempDir dir("reproduce-from");
  std::ofstream(dir.path() / "run.json") << "{\"schema\": \"something/1\"}";
  EXPECT_EQ(rp::reproduce_command(from(dir.path())), 2);
  EXPECT_EQ(rp::reproduce_command(from(dir.path() / "absent")), 2);
}

TEST(FixedRate, AnOldRunsRecordRoundTrips) {
  std::vector<rp::FixedRateResult> fixed = {
      {"go-style", "orders", rp::kHalfOfMax, 500, {rp::FixedRateWindow{500, 1, 2, 3, 4, 1000, 1, {2, 3}}}, ""},
      {"go-nethttp", "json", rp::kCommonLoad, 0, {}, "no GET /json maximum from any sweep"}};
  const auto back = rp::fixed_rate_from_json(nlohmann::json::parse(rp::to_json(fixed).dump()));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].windows.at(0).second_p99_us, (std::vector<double>{2, 3}));
  EXPECT_EQ(back[1].error, fixed[1].error);
  EXPECT_THROW(rp::fixed_rate_from_json({{"schema", "x"}}), std::runtime_error);
}

TEST(FixedRate, TheRunsOpenLoopCellsAreItsWindows) {
  namespace t = rp::testing;
  nlohmann::json half = t::load_cell("go-style", "orders-half-max", 64, t::reps_with_cpu(10));
  half["open_loop"] = {{"fraction_of_max", 0.5}, {"offered_rate", 10000}, {"max_from", "orders-sweep"}};
  nlohmann::json common = t::load_cell("rust-style", "json-common-load", 64, t::reps_with_cpu(5));
  common["open_loop"] = {{"fraction_of_max", 0.5}, {"offered_rate", 15000}, {"max_from", "json-sweep"}};
  const nlohmann::json failed = t::failed_cell("go-style", "orders-four-fifths-max", "no maximum of 'orders-sweep'");
  const auto run = apibench::report::run_from_json(t::run_json({half, common, failed}));
  const auto fixed = rp::fixed_rate_of_run(run, rp::ClaimWorkloads{});
  ASSERT_EQ(fixed.size(), 3u);
  const rp::FixedRateResult* h = rp::find_fixed(fixed, "go-style", rp::kHalfOfMax);
  ASSERT_NE(h, nullptr);
  EXPECT_EQ(h->workload, "orders");
  EXPECT_DOUBLE_EQ(h->rate, 10000);
  EXPECT_EQ(h->windows.size(), 4u);
  EXPECT_TRUE(h->error.empty());
  const rp::FixedRateResult* c = rp::find_fixed(fixed, "rust-style", rp::kCommonLoad);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->workload, "json");
  EXPECT_DOUBLE_EQ(c->rate, 15000);
  const rp::FixedRateResult* f = rp::find_fixed(fixed, "go-style", rp::kFourFifthsOfMax);
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->error, "no maximum of 'orders-sweep'");
  // A run without such cells has none (and no fixed-rate.json to fall back to).
  EXPECT_TRUE(rp::fixed_rate_of_run(apibench::report::run_from_json(t::four_server_run()), rp::ClaimWorkloads{}).empty());
}
