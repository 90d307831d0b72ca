#include "output_batch.hpp"

namespace apibench::rust_style {

void OutputBatch::append_shared(SharedBytes value) {
  if (value.size() == 0) return;
  shared_.push_back(Shared{bytes_.size(), std::move(value)});
}

GatherView OutputBatch::buffers() {
  gather_.clear();
  std::size_t from = 0;
  for (const Shared& s : shared_) {
    if (s.at > from) gather_.emplace_back(bytes_.data() + from, s.at - from);
    const std::string_view v = s.value.view();
    gather_.emplace_back(v.data(), v.size());
    from = s.at;
  }
  if (bytes_.size() > from) gather_.emplace_back(bytes_.data() + from, bytes_.size() - from);
  return GatherView(gather_);
}

void OutputBatch::clear() noexcept {
  bytes_.clear();
  shared_.clear();
  gather_.clear();
}

}  // namespace apibench::rust_style
