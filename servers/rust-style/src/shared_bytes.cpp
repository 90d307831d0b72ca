#include "shared_bytes.hpp"

#include <cstring>
#include <new>

namespace apibench::rust_style {

// The bytes live right after the header in the same allocation.
SharedBytes SharedBytes::copy_from(std::string_view bytes) {
  void* memory = ::operator new(sizeof(Block) + bytes.size());
  Block* block = new (memory) Block{{1}, bytes.size()};
  if (!bytes.empty()) std::memcpy(reinterpret_cast<char*>(block + 1), bytes.data(), bytes.size());
  return SharedBytes(block);
}

SharedBytes SharedBytes::clone() const noexcept {
  if (block_ != nullptr) block_->owners.fetch_add(1, std::memory_order_relaxed);
  return SharedBytes(block_);
}

std::string_view SharedBytes::view() const noexcept {
  if (block_ == nullptr) return {};
  return {reinterpret_cast<const char*>(block_ + 1), block_->size};
}

void SharedBytes::release() noexcept {
  if (block_ == nullptr) return;
  // acq_rel: the last owner must see every write made before the others let go
  if (block_->owners.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    block_->~Block();
    ::operator delete(block_);
  }
  block_ = nullptr;
}

}  // namespace apibench::rust_style
