// Stopping a server stops everything it started: the whole process group.
#include <gtest/gtest.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <string>
#include <thread>

#include "runner/child_process.hpp"
#include "runner/proc_stats.hpp"

namespace ar = apibench::runner;
using namespace std::chrono_literals;

namespace {

ar::SpawnOptions shell(const std::string& script) { return {{"/bin/sh", "-c", script}, {}, {}, {}}; }

std::vector<pid_t> wait_for_tree(pid_t root, std::size_t size) {
  std::vector<pid_t> tree;
  for (int i = 0; i < 200 && tree.size() < size; ++i) {
    tree = ar::process_tree(root);
    std::this_thread::sleep_for(10ms);
  }
  return tree;
}

// No such process, or a zombie: dead, waiting for init to reap it.
bool gone(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(in, stat)) return true;
  auto paren = stat.rfind(')');
  return paren != std::string::npos && paren + 2 < stat.size() && stat[paren + 2] == 'Z';
}

}  // namespace

TEST(ChildProcessGroup, StopEndsTheWrappersChildrenToo) {
  ar::ChildProcess child(shell("echo 'listening on h:1'; sleep 30 & sleep 30 & wait"));
  child.wait_ready(5s);
  std::vector<pid_t> tree = wait_for_tree(child.pid(), 3);
  ASSERT_EQ(tree.size(), 3u);
  child.stop(2s);
  EXPECT_FALSE(child.group_alive());
  for (pid_t p : tree) {
    for (int i = 0; i < 100 && !gone(p); ++i) std::this_thread::sleep_for(10ms);  // init reaps the orphans
    EXPECT_TRUE(gone(p)) << p;
  }
}

TEST(ChildProcessGroup, AChildIgnoringSigtermIsKilledAfterTheGrace) {
  ar::ChildProcess child(shell("trap '' TERM; echo 'listening on h:1'; sleep 30 & wait"));
  child.wait_ready(5s);
  auto exit = child.stop(200ms);
  EXPECT_EQ(exit.description, "signal 9");
  EXPECT_FALSE(child.group_alive());
}

// The flag is raised while the wait is under way; the error must be the stop's,
// not the 30 s timeout's, which would also throw.
TEST(ChildProcessGroup, WaitingForTheReadyLineEndsWhenStopIsRaised) {
  std::atomic<bool> stop{false};
  ar::ChildProcess child(shell("exec sleep 30"));
  std::thread raiser([&stop] {
    std::this_thread::sleep_for(100ms);
    stop = true;
  });
  std::string error;
  try {
    child.wait_ready(30s, &stop);
  } catch (const std::runtime_error& e) {
    error = e.what();
  }
  raiser.join();
  EXPECT_EQ(error, "stopped while waiting for the ready line");
}
