#include "output_batch.hpp"

#include <cstddef>

namespace apibench::rust_style {
namespace {

// Capacity kept between batches: many pipelined responses fit, so steady-state
// batches allocate nothing; more is given back once the connection is idle.
constexpr std::size_t kKeepBytes = 8 * 1024;
constexpr std::size_t kKeepBuffers = 64;

}  // namespace

void OutputBatch::append_shared(SharedBytes value) {
  if (value.size() == 0) return;
  shared_.push_back(Shared{bytes_.size(), std::move(value)});
}

std::size_t OutputBatch::prepare_gather() {
  gather_.clear();
  first_unsent_ = 0;
  std::size_t from = 0;
  for (const Shared& s : shared_) {
    if (s.at > from) gather_.emplace_back(bytes_.data() + from, s.at - from);
    const std::string_view v = s.value.view();
    gather_.emplace_back(v.data(), v.size());
    from = s.at;
  }
  if (bytes_.size() > from) gather_.emplace_back(bytes_.data() + from, bytes_.size() - from);
  std::size_t total = 0;
  for (const boost::asio::const_buffer& b : gather_) total += b.size();
  return total;
}

void OutputBatch::mark_sent(std::size_t n) noexcept {
  while (first_unsent_ < gather_.size() && n >= gather_[first_unsent_].size()) {
    n -= gather_[first_unsent_].size();
    ++first_unsent_;
  }
  if (first_unsent_ < gather_.size()) gather_[first_unsent_] += n;
}

void OutputBatch::clear() noexcept {
  bytes_.clear();
  shared_.clear();
  gather_.clear();
  first_unsent_ = 0;
}

void OutputBatch::shrink_if_idle() {
  if (!empty()) return;
  if (bytes_.capacity() > kKeepBytes) std::string().swap(bytes_);
  if (shared_.capacity() > kKeepBuffers) std::vector<Shared>().swap(shared_);
  if (gather_.capacity() > kKeepBuffers) std::vector<boost::asio::const_buffer>().swap(gather_);
}

}  // namespace apibench::rust_style
