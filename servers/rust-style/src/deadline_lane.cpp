#include "deadline_lane.hpp"

namespace apibench::rust_style {

void DeadlineLane::insert(ConnectionWatch& w) noexcept {
  auto place = watches_.end();
  while (place != watches_.begin() && std::prev(place)->queued_at_ > w.queued_at_) --place;
  watches_.insert(place, w);
}

}  // namespace apibench::rust_style
