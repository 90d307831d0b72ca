// Merging the threads' recorders: errors by kind add up per endpoint and in total, the
// connect errors of the opening of the connections count, the warm-up's do not.
#include <gtest/gtest.h>

#include "loadgen/merge.hpp"
#include "loadgen/recorder.hpp"

namespace apibench::loadgen {
namespace {

constexpr std::int64_t kSecond = 1'000'000'000;
const Window kWindow{10 * kSecond, 12 * kSecond};  // warm-up before 10 s

Recorder two_endpoint_recorder() { return Recorder({"get", "put"}, false, 2); }

TEST(Merge, AddsErrorsByKindPerEndpointAndInTotal) {
  Recorder a = two_endpoint_recorder();
  Recorder b = two_endpoint_recorder();
  a.error(1, ErrorKind::kConnect, kNoEndpoint);  // while the connections open: counted
  a.start(kWindow, 3);
  b.start(kWindow, 4);
  a.error(5 * kSecond, ErrorKind::kRead, 0);  // in the warm-up: not counted
  a.error(10 * kSecond, ErrorKind::kRead, 0);
  b.error(11 * kSecond, ErrorKind::kRead, 0);
  b.error(11 * kSecond, ErrorKind::kTimeout, 1);
  b.error(11 * kSecond, ErrorKind::kBadResponse, kNoEndpoint);  // bytes nobody asked for
  a.finish();
  b.finish();

  const auto r = merge_recorders({&a, &b}, std::chrono::seconds(2));
  EXPECT_EQ(r.connections_open, 7u);
  EXPECT_EQ(r.errors.connect, 1u);
  EXPECT_EQ(r.errors.read, 2u);
  EXPECT_EQ(r.errors.timeout, 1u);
  EXPECT_EQ(r.errors.bad_response, 1u);
  ASSERT_EQ(r.endpoints.size(), 2u);
  EXPECT_EQ(r.endpoints[0].errors.read, 2u);
  EXPECT_EQ(r.endpoints[0].errors.total(), 2u);
  EXPECT_EQ(r.endpoints[1].errors.timeout, 1u);
  EXPECT_EQ(r.endpoints[1].errors.total(), 1u);
  ASSERT_EQ(r.timeline.size(), 2u);
  EXPECT_EQ(r.timeline[0].errors + r.timeline[1].errors, 4u);  // the window's only
}

}  // namespace
}  // namespace apibench::loadgen
