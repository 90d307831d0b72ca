// A task's stack is fixed (gort::Runtime::kStackBytes) where a goroutine's grows,
// so the deepest request paths must fit it with a wide margin: JSON nested to the
// depth limit, past it, and far past it, then every other route. The connection
// is served on a gort task whose unused stack is painted, and the test reads how
// deep the task went.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/app.hpp"
#include "app/orders.hpp"
#include "gort/runtime.hpp"
#include "http/connection.hpp"
#include "testing/http_client.hpp"
#include "tests/stack_probe.hpp"
#include "tests/test_server.hpp"

namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::request_with_body;
using apibench::testing::TestConnection;
using gohttp::tcp;

// An order whose ignored "extra" member nests arrays so that, with the order's
// own object, `levels` containers are open at the deepest point.
std::string order_nested(std::size_t levels) {
  const std::size_t arrays = levels - 1;
  return R"({"customer":"acme","items":[{"sku":"A-1","qty":1,"price_cents":5}],"extra":)" +
         std::string(arrays, '[') + std::string(arrays, ']') + "}";
}

int status_of(TestConnection& c, const std::string& request) {
  c.send(request);
  std::optional<HttpResponse> r = c.read_response();
  return r ? r->status : 0;
}

// What the client sends, and the status it must get back for each, on one connection.
void send_deep_requests(std::uint16_t port) {
  TestConnection c(port);
  auto order = [](std::size_t levels) {
    return request_with_body("POST", "/orders", "application/json", order_nested(levels));
  };
  EXPECT_EQ(status_of(c, order(gostyle::kMaxJsonDepth)), 201) << "the deepest allowed nesting";
  EXPECT_EQ(status_of(c, order(gostyle::kMaxJsonDepth + 1)), 400) << "one level too deep";
  EXPECT_EQ(status_of(c, order(400'000)), 400) << "far too deep, still within the body limit";
  EXPECT_EQ(status_of(c, request_with_body("POST", "/orders", "application/json", "{\"customer\":")), 400);
  EXPECT_EQ(status_of(c, request_with_body("PUT", "/cache/k", "text/plain", "value")), 201);
  EXPECT_EQ(status_of(c, get_request("/cache/k")), 200);
  EXPECT_EQ(status_of(c, get_request("/work?ms=1")), 200);
  EXPECT_EQ(status_of(c, get_request("/metrics")), 200);
  EXPECT_EQ(status_of(c, get_request("/json")), 200) << "the connection is still served";
}

// Uses `bytes` of stack in one frame, so the probe has a known depth to find.
[[gnu::noinline]] void use_stack(std::size_t bytes) {
  std::vector<unsigned char> pattern(bytes, 0x5A);
  auto* frame = static_cast<volatile unsigned char*>(__builtin_alloca(bytes));
  for (std::size_t i = 0; i < bytes; ++i) frame[i] = pattern[i];
}

TEST(TaskStack, TheProbeSeesHowDeepACallWent) {
  gort::Runtime rt(1);
  std::size_t shallow = 0, deep = 0;
  rt.go([&](gort::Yield) {
    gostyle::test::StackProbe before(gort::Runtime::kStackBytes - 8 * 1024);
    shallow = before.deepest_use();
    gostyle::test::StackProbe probe(gort::Runtime::kStackBytes - 8 * 1024);
    use_stack(20 * 1024);
    deep = probe.deepest_use();
  });
  rt.run();
  EXPECT_LT(shallow, 4u * 1024);
  EXPECT_GE(deep, 20u * 1024);
  EXPECT_LT(deep, 24u * 1024);
}

TEST(TaskStack, TheDeepestRequestsFitTheStackWithRoomToSpare) {
  gort::Runtime rt(1);
  gostyle::Metrics metrics;
  const apibench::contract::ServerOptions options = gostyle::test::test_options();
  gostyle::App app(options, rt.blocking(), metrics);
  tcp::acceptor acceptor(rt.context(), tcp::endpoint(boost::asio::ip::address_v4::loopback(), 0));
  const std::atomic<bool> draining{false};
  std::size_t deepest = 0;

  gort::TaskExecutor home = rt.make_task_executor();
  rt.go_on(home, [&](gort::Yield yield) {
    gohttp::Socket socket(home);
    boost::system::error_code ec;
    acceptor.async_accept(socket, yield[ec]);
    ASSERT_FALSE(ec) << ec.message();
    gohttp::ConnectionSettings settings{{options.idle_timeout, options.header_timeout}, &draining};
    auto connection = std::make_shared<gohttp::Connection>(std::move(socket), settings, app);
    // Paint all but the top 8 KiB: the task's own first frames live there.
    gostyle::test::StackProbe probe(gort::Runtime::kStackBytes - 8 * 1024);
    connection->serve(yield);
    deepest = probe.deepest_use();
  });
  std::thread client([port = acceptor.local_endpoint().port()] { send_deep_requests(port); });
  rt.run();
  client.join();

  std::printf("deepest stack use: %zu bytes of %zu\n", deepest, gort::Runtime::kStackBytes);
  EXPECT_GT(deepest, 0u);
  EXPECT_LT(deepest, gort::Runtime::kStackBytes / 4);
}

}  // namespace
