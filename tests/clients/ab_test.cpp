// ApacheBench (ab) against every server: 2000 keep-alive requests from 16
// connections (HTTP/1.0 with Connection: Keep-Alive, the way ab speaks), GET
// /json and POST /orders, all answered with 2xx and none failed.
#include "tests/clients/client_fixture.hpp"
#include "tests/clients/client_output.hpp"

namespace apibench::clients {
namespace {

using namespace std::chrono_literals;

constexpr long kRequests = 2000;

class Ab : public ClientTest {
 public:
  Ab() : ClientTest("ab") {}

 protected:
  void expect_all_succeeded(const std::vector<std::string>& options, const std::string& path) {
    std::vector<std::string> argv = {"ab", "-n", std::to_string(kRequests), "-c", "16", "-k", "-s", "5", "-q"};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.push_back(url(path));
    auto result = run(argv, 30s);
    const AbSummary s = parse_ab(result.output);
    ASSERT_TRUE(s.complete.has_value() && s.failed.has_value()) << "no summary in ab's output:\n" << result.output;
    EXPECT_EQ(*s.complete, kRequests) << result.output;
    EXPECT_EQ(*s.failed, 0) << result.output;
    EXPECT_EQ(s.non_2xx, 0) << result.output;
  }
};

TEST_P(Ab, Json) {
  APIBENCH_REQUIRE_ROUTE("json");
  expect_all_succeeded({}, "/json");
}

// Receipts differ in length (the order id grows), so -l: ab would otherwise
// count every response whose length differs from the first as failed.
TEST_P(Ab, PostOrders) {
  APIBENCH_REQUIRE_ROUTE("orders");
  expect_all_succeeded({"-l", "-p", write_file("order.json", sample_order()), "-T", "application/json"}, "/orders");
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(Ab);

}  // namespace
}  // namespace apibench::clients
