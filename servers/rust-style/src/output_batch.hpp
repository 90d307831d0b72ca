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

  // The gather list for the write; valid until clear().
  const std::vector<boost::asio::const_buffer>& buffers();
  // After the write: drops the references and keeps every capacity.
  void clear() noexcept;

 private:
  struct Shared {
    std::size_t at;  // offset in bytes_ the value goes before
    SharedBytes value;
  };
  std::string bytes_;
  std::vector<Shared> shared_;
  std::vector<boost::asio::const_buffer> gather_;
};

}  // namespace apibench::rust_style
