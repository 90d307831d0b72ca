#include "runner/child_process.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "runner/proc_stats.hpp"

namespace ar = apibench::runner;
using namespace std::chrono_literals;

namespace {
ar::SpawnOptions shell(const std::string& script) { return {{"/bin/sh", "-c", script}, {}, {}, {}}; }
}  // namespace

TEST(ChildProcess, ReadsTheReadyLineAndStopsWithSigterm) {
  ar::ChildProcess child(shell("echo 'listening on 127.0.0.1:4321'; echo more; exec sleep 30"));
  auto ready = child.wait_ready(5s);
  EXPECT_EQ(ready.host, "127.0.0.1");
  EXPECT_EQ(ready.port, 4321);
  EXPECT_TRUE(child.running());
  auto stats = ar::read_proc_stats(child.pid());
  ASSERT_TRUE(stats.has_value());
  EXPECT_GT(stats->rss_bytes, 0u);
  auto exit = child.stop(2s);
  EXPECT_EQ(exit.description, "signal 15");
  EXPECT_FALSE(exit.clean);
  EXPECT_FALSE(ar::read_proc_stats(child.pid()).has_value());
}

TEST(ChildProcess, ExitBeforeReadyQuotesStderr) {
  ar::ChildProcess child(shell("echo 'bind failed: address in use' >&2; exit 1"));
  try {
    child.wait_ready(5s);
    FAIL() << "expected an error";
  } catch (const std::runtime_error& e) {
    std::string what = e.what();
    EXPECT_NE(what.find("exit 1"), std::string::npos) << what;
    EXPECT_NE(what.find("bind failed"), std::string::npos) << what;
  }
}

TEST(ChildProcess, SilentChildTimesOut) {
  ar::ChildProcess child(shell("exec sleep 30"));
  EXPECT_THROW(child.wait_ready(200ms), std::runtime_error);
}

TEST(ChildProcess, WrongFirstLineIsAnError) {
  ar::ChildProcess child(shell("echo hello; exec sleep 30"));
  EXPECT_THROW(child.wait_ready(5s), std::runtime_error);
}

TEST(ChildProcess, MissingProgramIsReported) {
  ar::ChildProcess child({{"/nonexistent/server"}, {}, {}, {}});
  try {
    child.wait_ready(5s);
    FAIL();
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("cannot execute"), std::string::npos) << e.what();
  }
}

TEST(ChildProcess, PinnedToTheAskedCpu) {
  ar::ChildProcess child({{"/bin/sh", "-c", "echo 'listening on h:1'; exec sleep 30"}, {0}, {}, {}});
  child.wait_ready(5s);
  cpu_set_t set;
  CPU_ZERO(&set);
  ASSERT_EQ(sched_getaffinity(child.pid(), sizeof set, &set), 0);
  EXPECT_EQ(CPU_COUNT(&set), 1);
  EXPECT_TRUE(CPU_ISSET(0, &set));
}

TEST(ProcessTree, SumsAWrappersDescendants) {
  // A wrapper whose work runs in a child, as nginx's run.sh does.
  ar::ChildProcess child(shell("echo 'listening on h:1'; sleep 30 & wait"));
  child.wait_ready(5s);
  std::vector<pid_t> tree;
  for (int i = 0; i < 100 && tree.size() < 2; ++i) {
    tree = ar::process_tree(child.pid());
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_GE(tree.size(), 2u);
  EXPECT_EQ(tree.front(), child.pid());
  auto alone = ar::read_proc_stats(child.pid());
  auto whole = ar::read_tree_stats(child.pid());
  ASSERT_TRUE(alone && whole);
  EXPECT_GT(whole->rss_bytes, alone->rss_bytes);
  EXPECT_GT(whole->threads, alone->threads);
}
