#pragma once
// An immutable, reference-counted byte buffer: the C++ counterpart of Rust's
// `bytes::Bytes`. The cache stores values as SharedBytes so a GET can hand the
// stored bytes to a gather write without copying them; the clone held by the
// write keeps the bytes alive even if the entry is evicted meanwhile.
// Copying is explicit (clone()), so every owner is visible in the code.
#include <atomic>
#include <cstddef>
#include <string_view>
#include <utility>

namespace apibench::rust_style {

class SharedBytes {
 public:
  SharedBytes() = default;
  // The one copy: bytes from a request body into an immutable block.
  static SharedBytes copy_from(std::string_view bytes);

  SharedBytes(SharedBytes&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
  SharedBytes& operator=(SharedBytes&& other) noexcept {
    if (this != &other) {
      release();
      block_ = std::exchange(other.block_, nullptr);
    }
    return *this;
  }
  SharedBytes(const SharedBytes&) = delete;
  SharedBytes& operator=(const SharedBytes&) = delete;
  ~SharedBytes() { release(); }

  // Another owner of the same bytes: one atomic increment, no allocation.
  SharedBytes clone() const noexcept;
  std::string_view view() const noexcept;
  std::size_t size() const noexcept { return view().size(); }
  bool empty() const noexcept { return block_ == nullptr; }

 private:
  struct Block {
    std::atomic<std::size_t> owners;
    std::size_t size;
  };
  explicit SharedBytes(Block* block) noexcept : block_(block) {}
  void release() noexcept;

  Block* block_ = nullptr;
};

}  // namespace apibench::rust_style
