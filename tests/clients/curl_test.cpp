// curl against every server: the status, headers and body of single requests,
// as a user's first check of an API would see them.
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/clients/client_fixture.hpp"
#include "tests/clients/client_output.hpp"

namespace apibench::clients {
namespace {

using namespace std::chrono_literals;
using json = nlohmann::json;

std::string read_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

class Curl : public ClientTest {
 public:
  Curl() : ClientTest("curl") {}

 protected:
  // One curl call; the response as curl received it (last head, and the body).
  std::optional<testing::HttpResponse> curl(const std::string& path, std::vector<std::string> options = {}) {
    const auto head = scratch() / "head.txt";
    const auto body = scratch() / "body.bin";
    std::vector<std::string> argv = {"curl", "--silent", "--show-error", "--max-time", "5",
                                     "--dump-header", head.string(), "--output", body.string()};
    argv.insert(argv.end(), options.begin(), options.end());
    argv.push_back(url(path));
    if (!run(argv, 10s).succeeded()) return std::nullopt;
    return parse_curl_head(read_file(head), read_file(body));
  }

  std::optional<testing::HttpResponse> send_file(const std::string& method, const std::string& path,
                                                 const std::string& content_type, const std::string& file) {
    return curl(path, {"--request", method, "--header", "Content-Type: " + content_type, "--data-binary", "@" + file});
  }
};

TEST_P(Curl, Json) {
  APIBENCH_REQUIRE_ROUTE("json");
  auto r = curl("/json");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->status, 200);
  conformance::expect_common_headers(*r);
  EXPECT_EQ(r->header("Content-Type").value_or("").rfind("application/json", 0), 0u);
  EXPECT_EQ(json::parse(r->body, nullptr, false), json({{"message", "Hello, World!"}}));
}

TEST_P(Curl, PostOrderFromFile) {
  APIBENCH_REQUIRE_ROUTE("orders");
  auto r = send_file("POST", "/orders", "application/json", write_file("order.json", sample_order()));
  ASSERT_TRUE(r.has_value());
  ASSERT_EQ(r->status, 201) << r->body;
  conformance::expect_common_headers(*r);
  auto receipt = json::parse(r->body, nullptr, false);
  ASSERT_TRUE(receipt.is_object()) << r->body;
  EXPECT_EQ(receipt["customer"], "client-tests");
  EXPECT_EQ(receipt["items"], 10);
  EXPECT_EQ(receipt["total_cents"], sample_order_total_cents());
  EXPECT_EQ(receipt["lines"].size(), 10u);
}

TEST_P(Curl, CachePutThenGet) {
  APIBENCH_REQUIRE_ROUTE("cache");
  std::string value = "bytes from curl\n";
  value.push_back('\0');
  value += "\xff after a NUL and a high byte";
  auto put = send_file("PUT", "/cache/k", "application/octet-stream", write_file("value.bin", value));
  ASSERT_TRUE(put.has_value());
  EXPECT_EQ(put->status, 201) << put->body;
  auto got = curl("/cache/k");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->status, 200);
  conformance::expect_common_headers(*got);
  EXPECT_EQ(got->header("Content-Type").value_or(""), "application/octet-stream");
  EXPECT_EQ(got->body, value);
}

TEST_P(Curl, UnknownPathIs404) {
  auto r = curl("/no/such/route");
  conformance::expect_error(r, 404);
}

APIBENCH_INSTANTIATE_FOR_EVERY_SERVER(Curl);

}  // namespace
}  // namespace apibench::clients
