// wrk against every server: a one-second keep-alive run on /json must complete
// requests with no socket error and no answer outside 2xx/3xx.
#include "tests/clients/client_fixture.hpp"
#include "tests/clients/client_output.hpp"

namespace apibench::clients {
namespace {

using namespace std::chrono_literals;

class Wrk : public ClientTest {
 public:
  Wrk() : ClientTest("wrk") {}
};

TEST_P(Wrk, JsonForOneSecond) {
  APIBENCH_REQUIRE_ROUTE("json");
  auto result = run({"wrk", "--threads", "1", "--connections", "8", "--duration", "1s", "--timeout", "2s", url("/json")}, 15s);
  const WrkSummary s = parse_wrk(result.output);
  ASSERT_TRUE(s.requests.has_value()) << "no request count in wrk's output:\n" << result.output;
  EXPECT_GT(*s.requests, 0) << result.output;
  EXPECT_EQ(s.socket_errors, 0) << result.output;
  EXPECT_EQ(s.non_2xx_3xx, 0) << result.output;
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(Wrk);

}  // namespace
}  // namespace apibench::clients
