#pragma once
// An invariant a fuzz target checks on what the code under test returned.
// It aborts, so libFuzzer keeps the input as a crash, with the reason on stderr.
#include <cstdio>
#include <cstdlib>

#define APIBENCH_FUZZ_CHECK(condition)                                                     \
  do {                                                                                     \
    if (!(condition)) {                                                                    \
      std::fprintf(stderr, "fuzz invariant broken: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (false)
