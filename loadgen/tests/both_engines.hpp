#pragma once
// A test fixture run once per I/O engine (epoll, io_uring), with the same expectations:
// the io_uring case is skipped, with the reason, where the kernel refuses io_uring (run_load
// would fall back to epoll there).
#include <chrono>
#include <cstdint>
#include <string>

#include <gtest/gtest.h>

#include "loadgen/load.hpp"
#include "loadgen/tests/spec_helpers.hpp"
#include "loadgen/uring_ring.hpp"

namespace apibench::loadgen::testing {

class BothEngines : public ::testing::TestWithParam<IoEngine> {
 protected:
  void SetUp() override {
    std::string why;
    if (GetParam() == IoEngine::kUring && UringRing::create(4, why) == nullptr) {
      GTEST_SKIP() << "io_uring unavailable here: " << why;
    }
  }
  LoadSpec spec(std::uint16_t port, std::chrono::milliseconds duration = std::chrono::milliseconds(300)) const {
    auto s = short_spec(port, duration);
    s.io = GetParam();
    return s;
  }
};

inline std::string engine_name(const ::testing::TestParamInfo<IoEngine>& info) {
  return info.param == IoEngine::kUring ? "uring" : "epoll";
}

}  // namespace apibench::loadgen::testing

// Instantiates a BothEngines-derived suite for epoll and io_uring.
#define APIBENCH_FOR_BOTH_ENGINES(Suite)                                                                  \
  INSTANTIATE_TEST_SUITE_P(Engines, Suite,                                                                \
                           ::testing::Values(::apibench::loadgen::IoEngine::kEpoll,                       \
                                             ::apibench::loadgen::IoEngine::kUring),                      \
                           ::apibench::loadgen::testing::engine_name)
