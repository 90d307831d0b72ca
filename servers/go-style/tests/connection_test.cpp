// Keep-alive, pipelining, Connection: close, HTTP/1.0 and graceful shutdown.
#include <gtest/gtest.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <string>
#include <thread>

#include "testing/http_client.hpp"
#include "tests/test_server.hpp"

namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::request_with_body;
using apibench::testing::TestConnection;
using gostyle::test::RunningServer;
using namespace std::chrono_literals;

TEST(Connections, KeepAliveServesManyRequests) {
  RunningServer s;
  TestConnection c(s.port());
  for (int i = 0; i < 5; ++i) {
    c.send(get_request("/health"));
    std::optional<HttpResponse> r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_FALSE(r->header("Connection"));
  }
}

TEST(Connections, PipelinedRequestsAreAnsweredInOrder) {
  RunningServer s;
  TestConnection c(s.port());
  c.send(get_request("/work?ms=20") + get_request("/plaintext") + get_request("/nope") + get_request("/json"));
  std::optional<HttpResponse> r1 = c.read_response(), r2 = c.read_response(), r3 = c.read_response(),
                              r4 = c.read_response();
  ASSERT_TRUE(r1 && r2 && r3 && r4);
  EXPECT_EQ(r1->body, R"({"slept_ms":20})");
  EXPECT_EQ(r2->body, "Hello, World!");
  EXPECT_EQ(r3->status, 404);
  EXPECT_EQ(r4->body, R"({"message":"Hello, World!"})");
}

TEST(Connections, ConnectionCloseIsHonoured) {
  RunningServer s;
  TestConnection c(s.port());
  c.send(get_request("/json", "Connection: close\r\n"));
  std::optional<HttpResponse> r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->header("Connection"), "close");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST(Connections, Http10ClosesUnlessAskedToKeepAlive) {
  RunningServer s;
  TestConnection once(s.port());
  once.send("GET /json HTTP/1.0\r\n\r\n");
  std::optional<HttpResponse> r = once.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(once.closed_by_peer());

  TestConnection kept(s.port());
  for (int i = 0; i < 2; ++i) {
    kept.send("GET /json HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    std::optional<HttpResponse> k = kept.read_response();
    ASSERT_TRUE(k);
    EXPECT_EQ(k->header("Connection"), "keep-alive");
  }
}

// A client that trickles its request in (a slow link, or a slowloris) is served
// once the request is whole, whatever the size of the pieces; a head longer than
// the idle read buffer makes the buffer grow while bytes keep trickling in.
TEST(Connections, RequestsThatTrickleInAreServed) {
  RunningServer s;
  TestConnection c(s.port());
  const int on = 1;
  setsockopt(c.fd(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // one piece per segment
  const std::string body = R"({"customer":"c","items":[{"sku":"S","qty":1,"price_cents":5}]})";
  const std::string requests =
      get_request("/json", "X-Long: " + std::string(1500, 'a') + "\r\n") +
      request_with_body("POST", "/orders", "application/json", body);
  for (std::size_t at = 0; at < requests.size(); at += 16) {
    ASSERT_TRUE(c.send(std::string_view(requests).substr(at, 16)));
    std::this_thread::sleep_for(1ms);  // separate reads on the server (not a timing assertion)
  }
  std::optional<HttpResponse> json = c.read_response();
  ASSERT_TRUE(json);
  EXPECT_EQ(json->body, R"({"message":"Hello, World!"})");
  std::optional<HttpResponse> order = c.read_response();
  ASSERT_TRUE(order);
  EXPECT_EQ(order->status, 201);
}

// The header timeout belongs to one head: a head that came in pieces and was
// answered leaves no deadline behind to cut the connection while it is idle or
// while the next head arrives, however long after the first deadline.
TEST(Connections, AHeadsDeadlineEndsWithTheHead) {
  auto options = gostyle::test::test_options();
  options.header_timeout = 500ms;  // far above a stall between the two pieces, so only a leftover deadline cuts it
  RunningServer s(options);
  TestConnection c(s.port());
  const int on = 1;
  setsockopt(c.fd(), IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);  // one piece per segment
  const std::string request = get_request("/json");
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(c.send(std::string_view(request).substr(0, 5)));
    std::this_thread::sleep_for(20ms);  // the rest in a later read (not a timing assertion)
    ASSERT_TRUE(c.send(std::string_view(request).substr(5)));
    std::optional<HttpResponse> r = c.read_response();
    ASSERT_TRUE(r) << "request " << i;
    EXPECT_EQ(r->status, 200);
    if (i == 0) std::this_thread::sleep_for(700ms);  // past the answered head's deadline, before the next head
  }
}

TEST(Connections, StopFinishesTheRequestInFlight) {
  RunningServer s;
  TestConnection idle(s.port());
  TestConnection busy(s.port());
  busy.send(get_request("/work?ms=200"));
  std::this_thread::sleep_for(100ms);  // let the request reach its handler (not a timing assertion)
  std::thread stopper([&] { s.stop_and_wait(); });
  std::optional<HttpResponse> r = busy.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"slept_ms":200})");
  EXPECT_TRUE(idle.closed_by_peer());
  stopper.join();  // run() returned: every task finished
  EXPECT_THROW(TestConnection late(s.port()), std::runtime_error);
}

// A stop that comes before run() is not lost: run() returns (were it to hang,
// ctest's timeout would end the test) and the listener is closed.
TEST(Connections, StopBeforeRunEndsRunAndClosesTheListener) {
  gostyle::Server server(gostyle::test::test_options());
  const std::uint16_t port = server.port();
  server.stop();
  server.run();
  EXPECT_THROW(TestConnection late(port), std::runtime_error);
}

}  // namespace
