#include "tests/stack_probe.hpp"

namespace gostyle::test {
namespace {

constexpr unsigned char kPattern = 0xA5;
// Room left under the probe's own frame for its locals and callees, so painting
// never overwrites the frame that is doing it.
constexpr std::size_t kGap = 1024;

}  // namespace

// Not inlined, so that the frame address is this call's, just below the caller's;
// not instrumented, since the painted bytes belong to no object a sanitizer knows.
[[gnu::noinline, gnu::no_sanitize_address]] StackProbe::StackProbe(std::size_t span) : span_(span) {
  top_ = static_cast<unsigned char*>(__builtin_frame_address(0)) - kGap;
  volatile unsigned char* area = top_ - span_;
  for (std::size_t i = 0; i < span_; ++i) area[i] = kPattern;
}

[[gnu::noinline, gnu::no_sanitize_address]] std::size_t StackProbe::deepest_use() const {
  const volatile unsigned char* area = top_ - span_;
  std::size_t untouched = 0;
  while (untouched < span_ && area[untouched] == kPattern) ++untouched;
  return span_ - untouched + kGap;
}

}  // namespace gostyle::test
