#include "runner/command_output.hpp"

#include <gtest/gtest.h>

namespace ar = apibench::runner;
using namespace std::chrono_literals;

TEST(CommandOutput, StdoutAndStderrOfAProgramThatSucceeds) {
  EXPECT_EQ(ar::command_output({"/bin/sh", "-c", "echo v1; echo build 2 >&2"}, 5s), "v1\nbuild 2");
}

TEST(CommandOutput, FailureMissingProgramAndTimeoutGiveNothing) {
  EXPECT_FALSE(ar::command_output({"/bin/sh", "-c", "echo no; exit 2"}, 5s));
  EXPECT_FALSE(ar::command_output({"/no/such/program"}, 5s));
  // A server that ignores --version and starts serving: killed at the deadline, with its children.
  EXPECT_FALSE(ar::command_output({"/bin/sh", "-c", "sleep 30 & sleep 30"}, 200ms));
}
