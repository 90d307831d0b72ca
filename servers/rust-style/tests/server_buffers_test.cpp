// The connection's buffers over real sockets: a request larger than the
// small initial read buffer, a large pipelined batch, and a response too
// large for one write (the rest goes out asynchronously) are all served
// whole and in order, and the connection stays usable after each.
#include <gtest/gtest.h>

#include <string>
#include <thread>

#include "server_fixture.hpp"
#include "testing/http_client.hpp"

namespace apibench::rust_style::test {
namespace {

using apibench::testing::get_request;
using apibench::testing::request_with_body;
using apibench::testing::TestConnection;
using namespace std::chrono_literals;

using Buffers = ServerTest;

void expect_json(TestConnection& c) {
  c.send(get_request("/json"));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"message":"Hello, World!"})");
}

TEST_F(Buffers, SmallRequestsFollowALargeOneOnTheSameConnection) {
  TestConnection c(port());
  const std::string value(200 * 1024, 'v');
  c.send(request_with_body("PUT", "/cache/big", "application/octet-stream", value));
  const auto put = c.read_response();
  ASSERT_TRUE(put);
  EXPECT_EQ(put->status, 201);
  for (int i = 0; i < 3; ++i) expect_json(c);  // the read buffer shrank back in between
  const std::string big_head = "GET /json HTTP/1.1\r\nX-Big: " + std::string(6000, 'h') + "\r\n\r\n";
  for (int i = 0; i < 3; ++i) {
    c.send(big_head);
    const auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
  }
  expect_json(c);
}

TEST_F(Buffers, ALargePipelinedBatchIsAnsweredInOrder) {
  TestConnection c(port());
  std::string batch;
  for (int i = 0; i < 200; ++i) batch += get_request(i % 2 ? "/json" : "/plaintext");
  ASSERT_GT(batch.size(), 4096u);
  c.send(batch);
  for (int i = 0; i < 200; ++i) {
    const auto r = c.read_response();
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->body, i % 2 ? R"({"message":"Hello, World!"})" : "Hello, World!") << i;
  }
  expect_json(c);
}

TEST_F(Buffers, AResponseTooLargeForOneWriteArrivesWholeAndInOrder) {
  TestConnection c(port());
  std::string value(900 * 1024, ' ');
  for (std::size_t i = 0; i < value.size(); ++i) value[i] = static_cast<char>('a' + i % 26);
  c.send(request_with_body("PUT", "/cache/large", "application/octet-stream", value));
  ASSERT_TRUE(c.read_response());
  c.send(get_request("/cache/large") + get_request("/json"));
  std::this_thread::sleep_for(20ms);  // the client reads late, so the server's first write is partial
  const auto large = c.read_response();
  ASSERT_TRUE(large);
  EXPECT_EQ(large->status, 200);
  EXPECT_TRUE(large->body == value) << "body of " << large->body.size() << " bytes differs";
  const auto after = c.read_response();
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body, R"({"message":"Hello, World!"})");
}

}  // namespace
}  // namespace apibench::rust_style::test
