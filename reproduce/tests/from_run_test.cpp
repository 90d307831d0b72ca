// `apibench reproduce --from DIR`: the claims files rebuilt from a finished run, no load.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "report/subprocess.hpp"
#include "reproduce/fixed_rate_run.hpp"
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

TEST(FixedRate, RecordRoundTripsAndPlansComeFromTheSweeps) {
  std::vector<rp::FixedRateResult> fixed = {
      {"go-style", "orders", rp::kHalfOfMax, 500, {rp::FixedRateWindow{500, 1, 2, 3, 4, 1000, 1, {2, 3}}}, ""},
      {"go-nethttp", "json", rp::kCommonLoad, 0, {}, "no GET /json maximum from any sweep"}};
  const auto back = rp::fixed_rate_from_json(nlohmann::json::parse(rp::to_json(fixed).dump()));
  ASSERT_EQ(back.size(), 2u);
  EXPECT_EQ(back[0].windows.at(0).second_p99_us, (std::vector<double>{2, 3}));
  EXPECT_EQ(back[1].error, fixed[1].error);
  EXPECT_THROW(rp::fixed_rate_from_json({{"schema", "x"}}), std::runtime_error);

  const apibench::report::RunData run = apibench::report::run_from_json(rp::testing::four_server_run());
  const auto plans = rp::plan_fixed_rates(run, rp::default_config());
  auto plan = [&](const std::string& server, const std::string& purpose) {
    for (const auto& p : plans) {
      if (p.server == server && p.purpose == purpose) return p;
    }
    throw std::runtime_error("no plan");
  };
  EXPECT_DOUBLE_EQ(plan("rust-style", rp::kHalfOfMax).rate, 20000);        // orders max 40000
  EXPECT_DOUBLE_EQ(plan("go-style", rp::kFourFifthsOfMax).rate, 16000);    // orders max 20000
  EXPECT_DOUBLE_EQ(plan("rust-hyper", rp::kCommonLoad).rate, 15000);       // half of go-nethttp's 30000
  EXPECT_FALSE(plan("go-gin", rp::kHalfOfMax).error.empty());             // not in the run
}
