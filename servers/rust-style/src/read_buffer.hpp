#pragma once
// The per-connection read buffer. Parsed requests are views into it, so it is
// only compacted or grown between batches, never while views are alive.
//
// It starts small, because an idle keep-alive connection keeps it while its
// read waits: 1 KiB holds the requests of a typical client (nginx's
// client_header_buffer_size is 1 KiB too). It doubles when a request or a
// pipelined batch needs more, and an idle connection gives back a buffer that
// grew past kShrinkAbove. Up to that size a grown buffer is kept: a client that
// needed it once (large headers, pipelining) will most likely need it again,
// and keeping it keeps its requests free of allocations.
#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

namespace apibench::rust_style {

class ReadBuffer {
 public:
  static constexpr std::size_t kInitialCapacity = 1024;
  static constexpr std::size_t kShrinkAbove = 8 * 1024;
  // A read gets at least this much room; less left at the end means compacting or growing.
  static constexpr std::size_t kMinRead = 512;

  ReadBuffer() : data_(std::make_unique_for_overwrite<char[]>(kInitialCapacity)), capacity_(kInitialCapacity) {}
  ReadBuffer(ReadBuffer&&) noexcept = default;
  ReadBuffer& operator=(ReadBuffer&&) noexcept = default;
  ReadBuffer(const ReadBuffer&) = delete;
  ReadBuffer& operator=(const ReadBuffer&) = delete;

  // Bytes received and not yet consumed. Mutable: chunked bodies are decoded in place.
  std::span<char> readable() noexcept { return {data_.get() + begin_, end_ - begin_}; }
  bool empty() const noexcept { return begin_ == end_; }
  std::size_t size() const noexcept { return end_ - begin_; }
  std::size_t capacity() const noexcept { return capacity_; }

  void consume(std::size_t n) noexcept;
  // Free space for the next read, at least enough to hold `total` unconsumed bytes.
  std::span<char> prepare(std::size_t total);
  void commit(std::size_t n) noexcept { end_ += n; }
  // Gives back memory a large request needed, so idle connections stay small.
  void shrink_if_idle();

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace apibench::rust_style
