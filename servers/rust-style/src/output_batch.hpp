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

  explicit GatherView(const std::vector<boost::asio::const_buffer>& buffers) noexcept
      : first_(buffers.data()), last_(buffers.data() + buffers.size()) {}
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

  // The gather list for the write; valid until clear().
  GatherView buffers();
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
