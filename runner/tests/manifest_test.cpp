#include "runner/manifest.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace ar = apibench::runner;
namespace fs = std::filesystem;

namespace {

class TempTree : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("apibench-manifest-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void write(const fs::path& rel, const std::string& text) {
    fs::create_directories((root_ / rel).parent_path());
    std::ofstream(root_ / rel) << text;
  }
  fs::path root_;
};

constexpr const char* kGood = R"({"name": "x", "design": "rust-style", "language": "C++",
  "run": ["{build_dir}/x", "--port", "{port}", "--threads", "{threads}", "{source_dir}/conf"],
  "routes": ["json", "health"]})";

}  // namespace

TEST_F(TempTree, LoadsServersAndPeersSortedAndReportsBadOnes) {
  write("servers/zeta/server.json", kGood);
  write("servers/peers/alpha/server.json", R"({"name": "alpha", "design": "go-style", "run": ["a"], "routes": []})");
  write("servers/broken/server.json", "{not json");
  write("servers/missing-run/server.json", R"({"name": "m", "design": "anchor", "routes": []})");
  auto set = ar::load_manifests(root_);
  ASSERT_EQ(set.servers.size(), 2u);
  EXPECT_EQ(set.servers[0].name, "alpha");
  EXPECT_EQ(set.servers[1].name, "x");
  EXPECT_EQ(set.errors.size(), 2u);
}

TEST_F(TempTree, ExpandsPlaceholders) {
  write("m.json", kGood);
  auto m = ar::parse_manifest(root_ / "m.json");
  EXPECT_TRUE(m.serves("json"));
  EXPECT_FALSE(m.serves("orders"));
  auto argv = ar::expand_command(m, {"/b", "/s", 8080, 2});
  EXPECT_EQ(argv, (std::vector<std::string>{"/b/x", "--port", "8080", "--threads", "2", "/s/conf"}));
  EXPECT_NE(ar::unavailable_reason(m, {"/nonexistent", "/s", 1, 1}).find("not built"), std::string::npos);
}

TEST(RepositoryManifests, EveryManifestInTheTreeParses) {
  auto set = ar::load_manifests(APIBENCH_SOURCE_DIR);
  for (const auto& e : set.errors) ADD_FAILURE() << e.path << ": " << e.message;
  EXPECT_GE(set.servers.size(), 2u);
}
