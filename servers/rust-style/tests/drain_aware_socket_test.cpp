// DrainAwareSocket's read: after a short read the reactor does not try recv()
// before epoll reports the socket, so these check that no byte is ever left
// waiting for an edge that already went by: bytes that come after the read was
// queued, bytes that came (and whose edge epoll reported) before it was
// started, a read that filled its buffer, end of stream, cancellation, and an
// io_context destroyed with a read pending.
#include <gtest/gtest.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "drain_aware_socket.hpp"

namespace apibench::rust_style::test {
namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

struct ReadResult {
  boost::system::error_code ec;
  std::string bytes;
};

// A connected pair on 127.0.0.1: a blocking client and the server's side.
struct SocketPair {
  asio::io_context io;
  tcp::socket client{io};
  std::optional<DrainAwareSocket> server;

  SocketPair() {
    tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    client.connect(acceptor.local_endpoint());
    server.emplace(acceptor.accept());
    server->non_blocking(true);
  }

  // Runs one epoll_wait with nothing pending, as the loop does between two
  // requests: it takes the edges of the bytes already there (a plain poll()
  // would return at once, with no work outstanding).
  void let_epoll_look() {
    auto guard = asio::make_work_guard(io);
    io.poll();
    guard.reset();
    io.restart();
  }

  void send(std::string_view bytes) { asio::write(client, asio::buffer(bytes.data(), bytes.size())); }

  // Starts a read into buffer; its result lands in result once the loop runs it.
  void start_read(std::string& buffer, std::optional<ReadResult>& result) {
    server->async_read_some(asio::buffer(buffer), [&buffer, &result](boost::system::error_code ec, std::size_t n) {
      result = ReadResult{ec, buffer.substr(0, n)};
    });
  }

  // Runs the loop until the read completed, for at most two seconds (a lost
  // edge would otherwise hang here).
  ReadResult finish(std::optional<ReadResult>& result) {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (!result && std::chrono::steady_clock::now() < give_up) io.run_one_for(std::chrono::milliseconds(50));
    io.restart();
    return result.value_or(ReadResult{asio::error::timed_out, {}});
  }

  ReadResult read(std::size_t buffer_size) {
    std::string buffer(buffer_size, '\0');
    std::optional<ReadResult> result;
    start_read(buffer, result);
    return finish(result);
  }
};

TEST(DrainAwareSocketTest, ReadsBytesAlreadyThere) {
  SocketPair pair;
  pair.send("abc");
  const ReadResult r = pair.read(64);
  EXPECT_FALSE(r.ec);
  EXPECT_EQ(r.bytes, "abc");
}

TEST(DrainAwareSocketTest, AfterAShortReadBytesSentLaterStillArrive) {
  SocketPair pair;
  pair.send("abc");
  ASSERT_EQ(pair.read(64).bytes, "abc");  // short: the socket counts as drained
  std::string buffer(64, '\0');
  std::optional<ReadResult> result;
  pair.start_read(buffer, result);  // queued without a recv()
  pair.io.poll();
  EXPECT_FALSE(result);
  pair.send("def");
  const ReadResult r = pair.finish(result);
  EXPECT_FALSE(r.ec);
  EXPECT_EQ(r.bytes, "def");
}

// The case the reactor must not lose: the edge for new bytes is reported by an
// epoll_wait while no read is pending, and the read starts only afterwards.
TEST(DrainAwareSocketTest, AfterAShortReadBytesWhoseEdgeWentByArrive) {
  SocketPair pair;
  pair.send("abc");
  ASSERT_EQ(pair.read(64).bytes, "abc");
  pair.send("def");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));  // let the bytes land before epoll looks
  pair.let_epoll_look();  // epoll_wait reports the edge; no read is pending yet
  const ReadResult r = pair.read(64);
  EXPECT_FALSE(r.ec);
  EXPECT_EQ(r.bytes, "def");
}

TEST(DrainAwareSocketTest, AReadThatFilledItsBufferLeavesTheRestReadable) {
  SocketPair pair;
  pair.send("abcdef");
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  pair.let_epoll_look();  // takes the only edge these bytes raise
  ASSERT_EQ(pair.read(3).bytes, "abc");  // full: not known to be drained, no edge will come
  const ReadResult r = pair.read(64);
  EXPECT_FALSE(r.ec);
  EXPECT_EQ(r.bytes, "def");
}

TEST(DrainAwareSocketTest, EndOfStreamAfterAShortRead) {
  SocketPair pair;
  pair.send("abc");
  ASSERT_EQ(pair.read(64).bytes, "abc");
  pair.client.close();
  EXPECT_EQ(pair.read(64).ec, asio::error::eof);
}

TEST(DrainAwareSocketTest, CancelEndsAPendingRead) {
  SocketPair pair;
  std::string buffer(64, '\0');
  std::optional<ReadResult> result;
  pair.start_read(buffer, result);
  pair.io.poll();
  ASSERT_FALSE(result);
  pair.server->cancel();
  EXPECT_EQ(pair.finish(result).ec, asio::error::operation_aborted);
}

TEST(DrainAwareSocketTest, AnEmptyReadCompletesAtOnce) {
  SocketPair pair;
  const ReadResult r = pair.read(0);
  EXPECT_FALSE(r.ec);
  EXPECT_EQ(r.bytes, "");
}

// An aborted read whose completion never runs is freed with its io_context (the
// sanitizer builds check that nothing leaks or is used after free).
TEST(DrainAwareSocketTest, AReadAbortedByCloseIsFreedWithItsLoop) {
  bool completed = false;
  std::string buffer(64, '\0');
  {
    SocketPair pair;
    pair.server->async_read_some(asio::buffer(buffer), [&completed](boost::system::error_code, std::size_t) {
      completed = true;
    });
    pair.io.poll();
    pair.server.reset();  // closing the socket aborts the read: it completes on the next run, which never comes
  }
  EXPECT_FALSE(completed);
}

}  // namespace
}  // namespace apibench::rust_style::test
