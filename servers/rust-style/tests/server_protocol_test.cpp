// Connection behaviour over real sockets: keep-alive, pipelining, close,
// HTTP/1.0, every error that closes, timeouts, --max-conns, graceful stop.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "deadline_sweeper.hpp"
#include "server_fixture.hpp"
#include "testing/http_client.hpp"

namespace apibench::rust_style::test {
namespace {

using apibench::testing::get_request;
using apibench::testing::HttpResponse;
using apibench::testing::TestConnection;
using namespace std::chrono_literals;

using Protocol = ServerTest;

// Polls until done() holds, for at most 5 s.
template <typename Done>
bool eventually(Done done) {
  for (int i = 0; i < 5000; ++i) {
    if (done()) return true;
    std::this_thread::sleep_for(1ms);
  }
  return done();
}

TEST_F(Protocol, KeepAliveServesManyRequestsOnOneConnection) {
  TestConnection c(port());
  for (int i = 0; i < 20; ++i) {
    c.send(get_request(i % 2 ? "/json" : "/plaintext"));
    const auto r = c.read_response();
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_FALSE(r->header("Connection"));
  }
}

TEST_F(Protocol, PipelinedRequestsAreAnsweredInOrder) {
  TestConnection c(port());
  c.send(get_request("/plaintext") + get_request("/work?ms=30") + get_request("/nope") + get_request("/json") +
         "PUT /cache/p HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc" + get_request("/cache/p"));
  const int expected_status[] = {200, 200, 404, 200, 201, 200};
  const char* expected_body[] = {"Hello, World!", R"({"slept_ms":30})", R"({"error":"not found"})",
                                 R"({"message":"Hello, World!"})", "", "abc"};
  for (int i = 0; i < 6; ++i) {
    const auto r = c.read_response();
    ASSERT_TRUE(r) << i;
    EXPECT_EQ(r->status, expected_status[i]) << i;
    EXPECT_EQ(r->body, expected_body[i]) << i;
  }
}

TEST_F(Protocol, RequestSplitAcrossWritesIsServed) {
  TestConnection c(port());
  const std::string raw = "POST /orders HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 62\r\n\r\n"
                          R"({"customer":"c","items":[{"sku":"s","qty":1,"price_cents":7}]})";
  for (char ch : raw) c.send(std::string_view(&ch, 1));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201) << r->body;
}

TEST_F(Protocol, ExpectContinueGetsAnInterimResponseBeforeTheBody) {
  TestConnection c(port());
  c.send("PUT /cache/e HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
  const auto interim = c.read_response();
  ASSERT_TRUE(interim);
  EXPECT_EQ(interim->status, 100);
  c.send("hello");
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 201);
}

TEST_F(Protocol, ConnectionCloseIsHonoured) {
  TestConnection c(port());
  c.send(get_request("/json", "Connection: close\r\n") + get_request("/json"));
  const auto r = c.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->header("Connection"), "close");
  EXPECT_TRUE(c.closed_by_peer());
}

TEST_F(Protocol, Http10ClosesUnlessKeepAliveIsAsked) {
  TestConnection once(port());
  once.send("GET /json HTTP/1.0\r\n\r\n");
  const auto r = once.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_TRUE(once.closed_by_peer());

  TestConnection kept(port());
  for (int i = 0; i < 2; ++i) {
    kept.send("GET /plaintext HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
    const auto k = kept.read_response();
    ASSERT_TRUE(k);
    EXPECT_EQ(k->header("Connection"), "keep-alive");
  }
}

struct ClosingCase {
  const char* name;
  std::string request;
  int status;
  const char* body;
};

TEST_F(Protocol, MalformedAndRefusedRequestsGetTheirErrorThenClose) {
  const ClosingCase cases[] = {
      {"bad request line", "GET /json HTTP/9.9\r\n\r\n", 400, R"({"error":"bad request"})"},
      {"bare LF", "GET /json HTTP/1.1\nHost: t\n\n", 400, R"({"error":"bad request"})"},
      {"obs-fold", "GET /json HTTP/1.1\r\nHost: t\r\n x\r\n\r\n", 400, R"({"error":"bad request"})"},
      {"control byte", "GET /json HTTP/1.1\r\nX: \x01\r\n\r\n", 400, R"({"error":"bad request"})"},
      {"two lengths", "POST /orders HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", 400,
       R"({"error":"bad request"})"},
      {"length and chunked", "POST /orders HTTP/1.1\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400,
       R"({"error":"bad request"})"},
      {"other coding", "POST /orders HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", 400, R"({"error":"bad request"})"},
      {"bad chunk", "PUT /cache/k HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 400,
       R"({"error":"bad request"})"},
      {"no length", "POST /orders HTTP/1.1\r\nContent-Type: application/json\r\n\r\n", 411,
       R"({"error":"length required"})"},
      {"body too large", "POST /orders HTTP/1.1\r\nContent-Length: 2000000\r\n\r\n{", 413,
       R"({"error":"payload too large"})"},
      {"head too large", "GET /json HTTP/1.1\r\nX: " + std::string(9000, 'a') + "\r\n\r\n", 431,
       R"({"error":"request header fields too large"})"},
  };
  for (const ClosingCase& k : cases) {
    TestConnection c(port());
    c.send(k.request);
    const auto r = c.read_response();
    ASSERT_TRUE(r) << k.name;
    EXPECT_EQ(r->status, k.status) << k.name;
    EXPECT_EQ(r->body, k.body) << k.name;
    EXPECT_EQ(r->header("Content-Type"), "application/json") << k.name;
    EXPECT_EQ(r->header("Connection"), "close") << k.name;
    EXPECT_TRUE(c.closed_by_peer()) << k.name;
  }
}

TEST_F(Protocol, IdleKeepAliveConnectionIsClosed) {
  auto options = test_options();
  options.idle_timeout = 100ms;
  start(options);
  TestConnection c(port());
  c.send(get_request("/json"));
  ASSERT_TRUE(c.read_response());
  EXPECT_TRUE(c.closed_by_peer(5000ms));
}

TEST_F(Protocol, EveryIdleConnectionIsClosedWhenASweepTakesSeveralSlices) {
  auto options = test_options();
  options.threads = 1;
  options.idle_timeout = 100ms;
  start(options);
  std::vector<TestConnection> idle;
  for (int i = 0; i < 3 * DeadlineSweeper::kSliceBudget; ++i) idle.emplace_back(port());
  for (std::size_t i = 0; i < idle.size(); ++i) ASSERT_TRUE(idle[i].closed_by_peer(5000ms)) << "connection " << i;
}

TEST_F(Protocol, SlowHeadersAreClosedAfterTheHeaderTimeout) {
  auto options = test_options();
  options.header_timeout = 100ms;
  start(options);
  TestConnection c(port());
  c.send("GET /json HTTP/1.1\r\nHo");
  EXPECT_TRUE(c.closed_by_peer(5000ms));
}

TEST_F(Protocol, ConnectionsPastMaxConnsAreClosedAndCounted) {
  auto options = test_options();
  options.max_connections = 1;
  start(options);
  TestConnection first(port());
  first.send(get_request("/plaintext"));
  ASSERT_TRUE(first.read_response());  // first is certainly admitted now
  TestConnection second(port());
  EXPECT_TRUE(second.closed_by_peer(5000ms));
  first.send(get_request("/metrics"));
  const auto m = first.read_response();
  ASSERT_TRUE(m);
  EXPECT_NE(m->body.find("apibench_connections_rejected_total 1\n"), std::string::npos) << m->body;
  EXPECT_NE(m->body.find("apibench_connections_open 1\n"), std::string::npos) << m->body;
}

TEST_F(Protocol, StopAnswersTheRequestInFlightThenEnds) {
  TestConnection busy(port());
  TestConnection idle(port());
  idle.send(get_request("/plaintext"));
  ASSERT_TRUE(idle.read_response());
  busy.send(get_request("/work?ms=200"));
  // Stop only once the request is in the blocking pool: until the server has
  // read it, the connection is one waiting for a request, which a stop closes
  // unanswered. A fixed 50 ms sleep here left that to the scheduler.
  ASSERT_TRUE(eventually([&] { return server().state().blocking().threads_started() > 0; }));
  std::thread stopper([this] { stop(); });
  const auto r = busy.read_response();
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, R"({"slept_ms":200})");
  EXPECT_EQ(r->header("Connection"), "close");
  EXPECT_TRUE(busy.closed_by_peer());
  EXPECT_TRUE(idle.closed_by_peer());
  stopper.join();  // run() returned: every loop finished
}

// A stop ends run() whether it comes before run() or while the loops wait for
// their first connection (were run() to hang, ctest's timeout would end the
// test), and run() returns with every loop's listener closed.
TEST(ServerStop, StopBeforeRunEndsRunAndClosesTheListeners) {
  Server server(test_options());
  const std::uint16_t port = server.port();
  server.stop();
  server.run();
  EXPECT_THROW(TestConnection late(port), std::runtime_error);
}

TEST(ServerStop, StopBeforeAnyConnectionEndsRunAndClosesTheListeners) {
  Server server(test_options());
  const std::uint16_t port = server.port();
  std::thread runner([&server] { server.run(); });
  server.stop();
  runner.join();
  EXPECT_THROW(TestConnection late(port), std::runtime_error);
}

TEST(ServerBind, PortInUseIsAnError) {
  auto options = test_options();
  Server first(options);
  options.port = first.port();
  EXPECT_ANY_THROW(Server second(options));  // even though both would set SO_REUSEPORT
}

TEST(ServerBind, AddressNotOnThisMachineIsAnError) {
  auto options = test_options();
  options.host = "203.0.113.1";  // TEST-NET-3
  EXPECT_ANY_THROW(Server server(options));
}

}  // namespace
}  // namespace apibench::rust_style::test
