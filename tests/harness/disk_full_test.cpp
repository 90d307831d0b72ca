// Results on a full disk: a clear error, the files already there untouched,
// and no half-written file anywhere. Needs root to mount a small tmpfs.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "harness_fixture.hpp"

namespace harness {
namespace {

namespace fs = std::filesystem;

class DiskFullTest : public HarnessTest {
 protected:
  void SetUp() override {
    HarnessTest::SetUp();
    if (::geteuid() != 0) GTEST_SKIP() << "mounting a tmpfs needs root";
    fs::create_directories(results_);
    if (::mount("tmpfs", results_.c_str(), "tmpfs", 0, "size=256k") != 0) {
      GTEST_SKIP() << "cannot mount a tmpfs: " << std::strerror(errno);
    }
    mounted_ = true;
  }
  void TearDown() override {
    if (mounted_) ::umount2(results_.c_str(), MNT_DETACH);
    HarnessTest::TearDown();
  }

  // Fills the file system until a write fails with ENOSPC.
  void fill_disk() {
    std::ofstream filler(results_ / "filler", std::ios::binary);
    std::string block(4096, 'x');
    for (int i = 0; i < 1024 && filler.write(block.data(), block.size()); ++i) {
    }
  }

  bool mounted_ = false;
};

TEST_F(DiskFullTest, FullDiskGivesAClearErrorAndLeavesEarlierResultsIntact) {
  const std::string earlier = "{\"schema\": \"apibench.run/1\", \"cells\": []}\n";
  fs::create_directories(results_ / "earlier-run");
  std::ofstream(results_ / "earlier-run" / "run.json") << earlier;
  fill_disk();
  add_server("steady", {});
  write_suite({"steady"}, {1, 2});

  Exit e = run_apibench();
  ASSERT_TRUE(e.exited);
  EXPECT_EQ(e.code, 3) << e.out << e.err;  // kRunResultsUnwritten
  EXPECT_NE(e.err.find("No space left on device"), std::string::npos) << e.err;
  EXPECT_EQ(read_file(results_ / "earlier-run" / "run.json"), earlier);
  for (const auto& entry : fs::recursive_directory_iterator(results_)) {
    EXPECT_NE(entry.path().extension(), ".tmp") << "left behind: " << entry.path();
    if (entry.path().filename() == "run.json") {
      EXPECT_FALSE(nlohmann::json::parse(read_file(entry.path()), nullptr, false).is_discarded())
          << "half-written: " << entry.path();
    }
  }
}

}  // namespace
}  // namespace harness
