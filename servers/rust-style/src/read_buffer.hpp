#pragma once
// The per-connection read buffer. Parsed requests are views into it, so it is
// only compacted or grown between batches, never while views are alive.
#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

namespace apibench::rust_style {

class ReadBuffer {
 public:
  static constexpr std::size_t kInitialCapacity = 16 * 1024;

  ReadBuffer() : data_(std::make_unique<char[]>(kInitialCapacity)), capacity_(kInitialCapacity) {}
  ReadBuffer(ReadBuffer&&) noexcept = default;
  ReadBuffer& operator=(ReadBuffer&&) noexcept = default;
  ReadBuffer(const ReadBuffer&) = delete;
  ReadBuffer& operator=(const ReadBuffer&) = delete;

  // Bytes received and not yet consumed. Mutable: chunked bodies are decoded in place.
  std::span<char> readable() noexcept { return {data_.get() + begin_, end_ - begin_}; }
  bool empty() const noexcept { return begin_ == end_; }
  std::size_t size() const noexcept { return end_ - begin_; }

  void consume(std::size_t n) noexcept;
  // Free space for the next read, at least enough to hold `total` unconsumed bytes.
  std::span<char> prepare(std::size_t total);
  void commit(std::size_t n) noexcept { end_ += n; }
  // Gives back memory a large body needed once, so idle connections stay small.
  void shrink_if_idle();

 private:
  std::unique_ptr<char[]> data_;
  std::size_t capacity_ = 0;
  std::size_t begin_ = 0;
  std::size_t end_ = 0;
};

}  // namespace apibench::rust_style
