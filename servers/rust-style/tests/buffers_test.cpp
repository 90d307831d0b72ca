// The per-connection buffers: the read buffer starts small, grows for what a
// request needs without losing bytes, and an idle connection gives back what
// a large request made it grow; the output batch resumes a partial write at
// the right byte and gives back a large batch's capacity once idle.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "output_batch.hpp"
#include "read_buffer.hpp"

namespace apibench::rust_style::test {
namespace {

void receive(ReadBuffer& buffer, std::string_view bytes, std::size_t total = 0) {
  while (!bytes.empty()) {
    const std::span<char> space = buffer.prepare(total);
    const std::size_t n = std::min(space.size(), bytes.size());
    std::memcpy(space.data(), bytes.data(), n);
    buffer.commit(n);
    bytes.remove_prefix(n);
  }
}

std::string as_string(std::span<char> bytes) { return std::string(bytes.data(), bytes.size()); }

TEST(ReadBufferTest, StartsSmall) {
  ReadBuffer buffer;
  EXPECT_EQ(buffer.capacity(), ReadBuffer::kInitialCapacity);
}

TEST(ReadBufferTest, GrowsForALargeRequestKeepingItsBytes) {
  ReadBuffer buffer;
  const std::string large(100 * 1024, 'x');
  receive(buffer, large, large.size());
  EXPECT_GE(buffer.capacity(), large.size());
  EXPECT_EQ(as_string(buffer.readable()), large);
}

TEST(ReadBufferTest, ShrinksBackOnceTheLargeRequestIsConsumed) {
  ReadBuffer buffer;
  const std::string large(100 * 1024, 'x');
  receive(buffer, large, large.size());
  buffer.shrink_if_idle();  // not idle: the bytes are still there
  EXPECT_EQ(as_string(buffer.readable()), large);
  buffer.consume(large.size());
  buffer.shrink_if_idle();
  EXPECT_EQ(buffer.capacity(), ReadBuffer::kInitialCapacity);
  receive(buffer, "GET / HTTP/1.1\r\n\r\n");
  EXPECT_EQ(as_string(buffer.readable()), "GET / HTTP/1.1\r\n\r\n");
}

TEST(ReadBufferTest, KeepsAModestGrowthForTheNextRequests) {
  ReadBuffer buffer;
  const std::string head(3000, 'h');  // e.g. large cookies that every request carries
  receive(buffer, head);
  const std::size_t grown = buffer.capacity();
  EXPECT_GT(grown, ReadBuffer::kInitialCapacity);
  EXPECT_LE(grown, ReadBuffer::kShrinkAbove);
  buffer.consume(head.size());
  buffer.shrink_if_idle();
  EXPECT_EQ(buffer.capacity(), grown);
}

TEST(ReadBufferTest, CompactsAPartialRequestToTheFront) {
  ReadBuffer buffer;
  receive(buffer, std::string(ReadBuffer::kInitialCapacity - 100, 'a'));
  buffer.consume(ReadBuffer::kInitialCapacity - 150);  // 50 bytes of a next request remain
  const std::span<char> space = buffer.prepare(0);
  EXPECT_GE(space.size(), ReadBuffer::kMinRead);
  EXPECT_EQ(buffer.capacity(), ReadBuffer::kInitialCapacity);  // moved, not grown
  EXPECT_EQ(as_string(buffer.readable()), std::string(50, 'a'));
}

std::string unsent_bytes(const OutputBatch& batch) {
  std::string out;
  for (const boost::asio::const_buffer& b : batch.unsent()) out.append(static_cast<const char*>(b.data()), b.size());
  return out;
}

TEST(OutputBatchTest, APartialWriteResumesAtTheNextUnsentByte) {
  OutputBatch batch;
  batch.bytes() = "head1|";
  batch.append_shared(SharedBytes::copy_from("VALUE"));
  batch.bytes() += "head2|";
  const std::string all = "head1|VALUEhead2|";
  ASSERT_EQ(batch.prepare_gather(), all.size());
  EXPECT_EQ(unsent_bytes(batch), all);
  for (std::size_t sent = 0; sent < all.size(); sent += 4) {  // ends inside and on buffer edges
    ASSERT_EQ(unsent_bytes(batch), all.substr(sent)) << sent;
    batch.mark_sent(std::min<std::size_t>(4, all.size() - sent));
  }
  EXPECT_EQ(unsent_bytes(batch), "");
}

TEST(OutputBatchTest, GivesBackALargeBatchOnceIdle) {
  OutputBatch batch;
  batch.bytes().assign(64 * 1024, 'r');
  batch.shrink_if_idle();  // not idle: nothing is given back
  EXPECT_GE(batch.capacity(), 64u * 1024);
  batch.clear();
  batch.shrink_if_idle();
  EXPECT_LT(batch.capacity(), 64u * 1024);
}

}  // namespace
}  // namespace apibench::rust_style::test
