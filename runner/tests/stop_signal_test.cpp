#include "runner/stop_signal.hpp"

#include <gtest/gtest.h>
#include <signal.h>

namespace ar = apibench::runner;

// The handlers are process-wide; this test raises SIGINT at itself once.
TEST(StopSignal, ASignalRaisesTheFlagAndNamesTheReasonAndExitCode) {
  ar::install_stop_handlers();
  ASSERT_FALSE(ar::stop_flag().load());
  ::raise(SIGINT);
  EXPECT_TRUE(ar::stop_flag().load());
  EXPECT_EQ(ar::stop_reason(), "interrupted by SIGINT");
  EXPECT_EQ(ar::stop_exit_code(), 130);
  ar::request_stop(SIGTERM);  // a second signal does not change the reason
  EXPECT_EQ(ar::stop_signal(), SIGINT);
  signal(SIGINT, SIG_DFL);
  signal(SIGTERM, SIG_DFL);
}
