// The program as the benchmark script runs it: it ends by itself, or on SIGTERM,
// and prints its summary; a bad flag gets a one-line error and exit code 2.
#include <string>

#include <gtest/gtest.h>

#include "run_command.hpp"
#include "test_server.hpp"

namespace {

using apibench::slow_headers::test::Outcome;

// `timeout` bounds the run, so a program that never stops fails the test instead of hanging it.
Outcome run_program(const std::string& arguments, const std::string& timeout = "timeout 20") {
  return apibench::slow_headers::test::run_command(timeout + " " SLOW_HEADERS_PROGRAM " " + arguments);
}

TEST(SlowHeadersProgram, EndsByItselfAfterTheDurationAndPrintsTheSummary) {
  gostyle::test::RunningServer server;
  const Outcome outcome = run_program("--port " + std::to_string(server.port()) + " --connections 5 --duration 1s");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("slow connections: 5 kept open"), std::string::npos) << outcome.output;
  EXPECT_NE(outcome.output.find("slow-header client CPU:"), std::string::npos) << outcome.output;
}

TEST(SlowHeadersProgram, SigtermEndsTheRunWithTheSummary) {
  gostyle::test::RunningServer server;
  // SIGTERM after 1 s; --preserve-status passes on the program's own exit code, and
  // -k sends SIGKILL (exit 137) should it not stop.
  const Outcome outcome = run_program("--port " + std::to_string(server.port()) + " --connections 5 --duration 1h",
                                      "timeout --preserve-status -s TERM -k 10 1");
  EXPECT_EQ(outcome.exit_code, 0) << outcome.output;
  EXPECT_NE(outcome.output.find("slow connections: 5 kept open"), std::string::npos) << outcome.output;
}

TEST(SlowHeadersProgram, BadFlagsGetAOneLineErrorAndExitCode2) {
  for (const char* arguments : {"--port 80 --connections abc", "--connections 5", "--port 80 --duration soon",
                                "--port 80 --duration 0", "--port 80 --bogus"}) {
    const Outcome outcome = run_program(arguments);
    EXPECT_EQ(outcome.exit_code, 2) << arguments << ": " << outcome.output;
    EXPECT_EQ(outcome.output.rfind("apibench-slow-headers: ", 0), 0u) << arguments << ": " << outcome.output;
    EXPECT_EQ(outcome.output.find('\n'), outcome.output.size() - 1) << arguments << ": one line";
  }
}

}  // namespace
