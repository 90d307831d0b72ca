// scripts/bench-slow-headers.sh as a user runs it, shrunk to a few seconds: every
// run of every round happens (the control and the attacked run swap places in the
// second round), the summary and the verdict line print, the script exits 0 and
// leaves no temporary files behind, and bad arguments get a line saying what is
// wrong, the usage line and exit code 2. The latencies and the verdict itself are
// not checked: a test does not assert on times.
#include <unistd.h>

#include <filesystem>
#include <iterator>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "run_command.hpp"

namespace {

using apibench::slow_headers::test::Outcome;
using apibench::slow_headers::test::run_command;

struct ScriptRun {
  Outcome outcome;
  std::size_t left_behind = 0;  // entries the script left in its temporary folder
};

// The script runs with a TMPDIR of its own, so what it leaves behind can be
// counted, and a lock file of its own, not the build lock: ctest may itself run
// under that.
ScriptRun run_script(const std::string& arguments) {
  namespace fs = std::filesystem;
  const fs::path tmp = fs::temp_directory_path() / ("slow-headers-script-test-" + std::to_string(getpid()));
  const std::string lock = tmp.string() + ".lock";
  fs::create_directories(tmp);
  ScriptRun run;
  run.outcome = run_command("TMPDIR=" + tmp.string() + " APIBENCH_BUILD_DIR=" APIBENCH_BUILD_DIR " APIBENCH_LOCK=" +
                            lock + " timeout -k 10 180 " SLOW_HEADERS_SCRIPT " " + arguments);
  run.left_behind = static_cast<std::size_t>(std::distance(fs::directory_iterator(tmp), fs::directory_iterator()));
  fs::remove_all(tmp);
  fs::remove(lock);
  return run;
}

bool contains(const Outcome& outcome, const std::string& text) {
  return outcome.output.find(text) != std::string::npos;
}

TEST(SlowHeadersScript, ARunPrintsEveryRoundTheServersShareAndTheVerdict) {
  const ScriptRun run = run_script("rust-style --rate 2000 --seconds 1 --slow 20 --rounds 2");
  const Outcome& outcome = run.outcome;
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(run.left_behind, 0u) << "the script left its temporary files behind";
  for (const char* line : {"1 alone", "1 beside slow", "1 ratio", "1 control", "1 control ratio", "1 server's share",
                           "2 alone", "2 beside slow", "2 ratio", "2 control", "2 control ratio", "2 server's share",
                           "p99 ratio (beside / alone) per round: ",
                           "control: p99 ratio (slow client into a sink / alone) per round: ",
                           "the server's share: p99 ratio (beside / control) per round: ",
                           "slow connections: 20 kept open", ", 0 refused at connect"}) {
    EXPECT_TRUE(contains(outcome, line)) << "no '" << line << "' in:\n" << outcome.output;
  }
  EXPECT_TRUE(std::regex_search(outcome.output,
                                std::regex("normal traffic keeps its p99 beside 20 slow-header connections: (yes|no) "
                                           "\\(median of the server's share [0-9]+\\.[0-9]+x, at most 1\\.5x")))
      << outcome.output;
  EXPECT_FALSE(contains(outcome, "nanx")) << "a ratio with nothing to divide by:\n" << outcome.output;
}

TEST(SlowHeadersScript, WithoutTheControlThereIsNoVerdict) {
  const ScriptRun run = run_script("go-style --rate 2000 --seconds 1 --slow 20 --rounds 1 --no-control");
  const Outcome& outcome = run.outcome;
  ASSERT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_EQ(run.left_behind, 0u) << "the script left its temporary files behind";
  EXPECT_TRUE(contains(outcome, "1 beside slow")) << outcome.output;
  EXPECT_FALSE(contains(outcome, "1 control")) << outcome.output;
  EXPECT_TRUE(contains(outcome, "no verdict: it judges the server's share, which needs the control")) << outcome.output;
  EXPECT_FALSE(contains(outcome, "normal traffic keeps its p99")) << outcome.output;
}

TEST(SlowHeadersScript, BadArgumentsSayWhatIsWrongAndExitWith2) {
  struct Case {
    const char* arguments;
    const char* says;
  };
  for (const Case& c : {Case{"nginx", "'nginx' is not rust-style or go-style"},
                        Case{"rust-style --bogus", "unknown argument '--bogus'"},
                        Case{"rust-style --seconds 0", "'0' is not a positive whole number"},
                        Case{"go-style --rounds x", "'x' is not a positive whole number"},
                        Case{"rust-style --rate", "--rate needs a value"}}) {
    const Outcome outcome = run_script(c.arguments).outcome;
    EXPECT_EQ(outcome.exit_code, 2) << c.arguments << ": " << outcome.output;
    EXPECT_EQ(outcome.output.rfind(std::string("bench-slow-headers: ") + c.says + "\nusage: ", 0), 0u)
        << c.arguments << ": " << outcome.output;
  }
  const Outcome bare = run_script("").outcome;
  EXPECT_EQ(bare.exit_code, 2) << bare.output;
  EXPECT_EQ(bare.output.rfind("usage: ", 0), 0u) << bare.output;
}

}  // namespace
