#pragma once
// What a connection writes next: the responses to every request of one read,
// in order, sent with one gather write. Response heads and small bodies are
// bytes in one reused string; cached values are not copied in but referenced
// (an owning SharedBytes each) and spliced into the gather list at their place.
#include <boost/asio/buffer.hpp>
#include <cstddef>
#include <string>
#include <vector>

#include "shared_bytes.hpp"

namespace apibench::rust_style {

// A non-owning view of a gather list: asio's composed write copies the buffer
// sequence it is given, and copying this view allocates nothing.
class GatherView {
 public:
  using value_type = boost::asio::const_buffer;
  using const_iterator = const boost::asio::const_buffer*;

  GatherView(const_iterator first, const_iterator last) noexcept : first_(first), last_(last) {}
  const_iterator begin() const noexcept { return first_; }
  const_iterator end() const noexcept { return last_; }

 private:
  const_iterator first_;
  const_iterator last_;
};

class OutputBatch {
 public:
  OutputBatch() = default;
  OutputBatch(OutputBatch&&) noexcept = default;
  OutputBatch& operator=(OutputBatch&&) noexcept = default;
  OutputBatch(const OutputBatch&) = delete;
  OutputBatch& operator=(const OutputBatch&) = delete;

  std::string& bytes() noexcept { return bytes_; }
  // Sends value's bytes at the current end of the batch, without copying them.
  void append_shared(SharedBytes value);
  bool empty() const noexcept { return bytes_.empty() && shared_.empty(); }

  // Builds the gather list for the write; returns the bytes it holds in all.
  std::size_t prepare_gather();
  // What is not sent yet of the gather list; valid until clear().
  GatherView unsent() const noexcept { return GatherView(gather_.data() + first_unsent_, gather_.data() + gather_.size()); }
  // After a write that took only n bytes: drops them from unsent().
  void mark_sent(std::size_t n) noexcept;
  // After the write: drops the references and keeps every capacity.
  void clear() noexcept;
  // For an idle connection: gives back capacity that a large batch needed.
  void shrink_if_idle();
  std::size_t capacity() const noexcept { return bytes_.capacity(); }

 private:
  struct Shared {
    std::size_t at;  // offset in bytes_ the value goes before
    SharedBytes value;
  };
  std::string bytes_;
  std::vector<Shared> shared_;
  std::vector<boost::asio::const_buffer> gather_;
  std::size_t first_unsent_ = 0;  // index in gather_
};

}  // namespace apibench::rust_style
