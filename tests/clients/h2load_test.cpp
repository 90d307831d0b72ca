// h2load (nghttp2) against every server in HTTP/1.1 mode: 2000 GET /json from
// 16 connections, every one succeeded with a 2xx.
#include "tests/clients/client_fixture.hpp"
#include "tests/clients/client_output.hpp"

namespace apibench::clients {
namespace {

using namespace std::chrono_literals;

constexpr long kRequests = 2000;

class H2load : public ClientTest {
 public:
  H2load() : ClientTest("h2load") {}
};

TEST_P(H2load, JsonOverHttp11) {
  APIBENCH_REQUIRE_ROUTE("json");
  auto result = run({"h2load", "--h1", "-n", std::to_string(kRequests), "-c", "16", url("/json")}, 30s);
  const H2loadSummary s = parse_h2load(result.output);
  ASSERT_TRUE(s.total.has_value()) << "no request summary in h2load's output:\n" << result.output;
  EXPECT_EQ(*s.total, kRequests) << result.output;
  EXPECT_EQ(s.succeeded, kRequests) << result.output;
  EXPECT_EQ(s.failed + s.errored + s.timed_out, 0) << result.output;
  EXPECT_EQ(s.status_2xx.value_or(0), kRequests) << result.output;
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(H2load);

}  // namespace
}  // namespace apibench::clients
