// The build's commit (read by the build, not when a program runs), the run-time one, and the
// warning when the two differ.
#include "runner/environment.hpp"

#include <unistd.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "runner/command_output.hpp"

namespace ar = apibench::runner;

namespace {

const std::string kA = "6a31e6f0123456789abcdef0123456789abcdef0";
const std::string kB = "d7441a10123456789abcdef0123456789abcdef0";

ar::CommitState clean(const std::string& commit) { return {commit, false, ""}; }
ar::CommitState dirty(const std::string& commit, const std::string& changes) { return {commit, true, changes}; }

bool full_hash_or_unknown(const std::string& commit) {
  return commit == "unknown" || std::regex_match(commit, std::regex("[0-9a-f]{40}"));
}

// What cmake/build_info_write.cmake writes for `source_dir`, with the output file's path.
std::string written_build_info(const std::filesystem::path& source_dir, const std::filesystem::path& output) {
  const auto ran = ar::command_output({APIBENCH_CMAKE_COMMAND, "-DSOURCE_DIR=" + source_dir.string(),
                                       "-DOUTPUT=" + output.string(),
                                       "-P", APIBENCH_SOURCE_DIR "/cmake/build_info_write.cmake"},
                                      std::chrono::seconds(60));
  EXPECT_TRUE(ran) << "the build info script failed";
  std::ostringstream text;
  text << std::ifstream(output).rdbuf();
  return text.str();
}

}  // namespace

TEST(BuildCommit, IsAFullHashOrUnknown) {
  const ar::CommitState build = ar::build_commit_state();
  EXPECT_TRUE(full_hash_or_unknown(build.commit)) << build.commit;
  EXPECT_EQ(build.changes_id.empty(), !build.dirty) << "changes are named exactly when the build was dirty";
  if (build.dirty) {
    EXPECT_TRUE(std::regex_match(build.changes_id, std::regex("[0-9a-f]{40}"))) << build.changes_id;
  }
}

// A source tree unpacked from a tarball: no .git anywhere above it.
TEST(BuildCommit, OutsideACheckoutIsUnknownAndTheFileIsRewrittenOnlyWhenItChanges) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("apibench-build-info-" + std::to_string(::getpid()));
  fs::create_directories(dir / "tarball");
  if (ar::source_commit_state(dir / "tarball").commit != "unknown") GTEST_SKIP() << dir << " is inside a git checkout";
  const fs::path output = dir / "build_info.cpp";
  EXPECT_NE(written_build_info(dir / "tarball", output).find(R"({"unknown", false, ""})"), std::string::npos);
  const auto stamp = fs::last_write_time(output);
  fs::last_write_time(output, stamp - std::chrono::hours(1));  // a rewrite would move it forward again
  written_build_info(dir / "tarball", output);
  EXPECT_EQ(fs::last_write_time(output), stamp - std::chrono::hours(1)) << "rewritten with the same text";
  fs::remove_all(dir);
}

TEST(SourceCommit, IsAFullHashInACheckoutAndUnknownElsewhere) {
  const ar::CommitState source = ar::source_commit_state(APIBENCH_SOURCE_DIR);
  EXPECT_TRUE(full_hash_or_unknown(source.commit)) << source.commit;
  const ar::CommitState nowhere = ar::source_commit_state("/proc");
  EXPECT_EQ(nowhere.commit, "unknown");
  EXPECT_FALSE(nowhere.dirty);
}

TEST(BuildSourceMismatch, NoneWhenTheyMatch) {
  EXPECT_FALSE(ar::build_source_mismatch(clean(kA), clean(kA)));
  EXPECT_FALSE(ar::build_source_mismatch(dirty(kA, "c1"), dirty(kA, "c1")));
}

TEST(BuildSourceMismatch, NoneWhenEitherSideIsUnknown) {
  EXPECT_FALSE(ar::build_source_mismatch(clean("unknown"), clean(kA)));
  EXPECT_FALSE(ar::build_source_mismatch(clean(kA), clean("unknown")));
  EXPECT_FALSE(ar::build_source_mismatch(clean("unknown"), clean("unknown")));
}

TEST(BuildSourceMismatch, AnotherCommitNamesBoth) {
  // Last session's case: built from d7441a1, run with the tree at 6a31e6f with changes.
  const auto w = ar::build_source_mismatch(clean(kB), dirty(kA, "c1"));
  ASSERT_TRUE(w);
  EXPECT_NE(w->find("built from d7441a101234 but"), std::string::npos) << *w;
  EXPECT_NE(w->find("at 6a31e6f01234 with uncommitted changes"), std::string::npos) << *w;
  EXPECT_EQ(w->find('\n'), std::string::npos) << "one line";
}

TEST(BuildSourceMismatch, ChangesMadeOrCommittedAfterTheBuild) {
  EXPECT_TRUE(ar::build_source_mismatch(clean(kA), dirty(kA, "c1")));   // edited since
  EXPECT_TRUE(ar::build_source_mismatch(dirty(kA, "c1"), clean(kA)));   // built with edits since reverted
  EXPECT_TRUE(ar::build_source_mismatch(dirty(kA, "c1"), clean(kB)));   // built with edits since committed
  const auto w = ar::build_source_mismatch(dirty(kA, "c1"), dirty(kA, "c2"));  // edited again since
  ASSERT_TRUE(w);
  EXPECT_NE(w->find("other uncommitted changes"), std::string::npos) << *w;
}

TEST(BuildSourceMismatch, IsAmongTheEnvironmentWarnings) {
  ar::Environment e;
  e.build_type = "Release";
  e.build = clean(kB);
  e.source = clean(kA);
  const auto warnings = ar::environment_warnings(e);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_EQ(warnings[0], *ar::build_source_mismatch(e.build, e.source));
  e.source = clean(kB);
  EXPECT_TRUE(ar::environment_warnings(e).empty());
}

TEST(EnvironmentJson, BothSidesAndTheOldNamesForOlderReaders) {
  ar::Environment e;
  e.build = dirty(kB, "c1");
  e.source = clean(kA);
  const auto j = ar::to_json(e);
  EXPECT_EQ(j.at("build_commit"), kB);
  EXPECT_EQ(j.at("build_dirty"), true);
  EXPECT_EQ(j.at("build_changes_id"), "c1");
  EXPECT_EQ(j.at("source_commit"), kA);
  EXPECT_EQ(j.at("source_dirty"), false);
  EXPECT_EQ(j.at("git_commit"), kB) << "older readers get the commit that produced the numbers";
  EXPECT_EQ(j.at("git_dirty"), true);
  const ar::CommitState build = ar::commit_state_from_json(j, "build");
  const ar::CommitState source = ar::commit_state_from_json(j, "source");
  EXPECT_EQ(build.commit, kB);
  EXPECT_TRUE(build.dirty);
  EXPECT_EQ(build.changes_id, "c1");
  EXPECT_EQ(source.commit, kA);
  EXPECT_FALSE(source.dirty);
}

TEST(EnvironmentJson, AnOlderRunGivesBothSidesItsOneCommit) {
  const nlohmann::json old = {{"git_commit", kA}, {"git_dirty", true}};
  for (const char* side : {"build", "source"}) {
    const ar::CommitState c = ar::commit_state_from_json(old, side);
    EXPECT_EQ(c.commit, kA) << side;
    EXPECT_TRUE(c.dirty) << side;
  }
  EXPECT_FALSE(ar::build_source_mismatch(ar::commit_state_from_json(old, "build"),
                                         ar::commit_state_from_json(old, "source")));
  EXPECT_EQ(ar::commit_state_from_json({{"git_commit", ""}}, "build").commit, "unknown");  // read outside a checkout
  EXPECT_EQ(ar::commit_state_from_json(nlohmann::json::object(), "build").commit, "unknown");
}
