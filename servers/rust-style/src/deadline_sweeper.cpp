#include "deadline_sweeper.hpp"

#include <algorithm>
#include <stdexcept>

namespace apibench::rust_style {
DeadlineSweeper::DeadlineSweeper(boost::asio::io_context& io)
    : executor_(io.get_executor()), timer_(io), now_(Clock::now()) {}

LaneId DeadlineSweeper::lane_for(std::chrono::milliseconds length) {
  for (std::size_t i = 0; i < lane_count_; ++i) {
    if (lengths_[i] == length) return static_cast<LaneId>(i);
  }
  if (lane_count_ == kMaxLanes) throw std::length_error("DeadlineSweeper: too many distinct timeout lengths");
  lengths_[lane_count_] = length;
  shortest_ = std::min(shortest_, length);
  return static_cast<LaneId>(lane_count_++);
}

void DeadlineSweeper::arm(ConnectionWatch& w, Deadline deadline, bool idle) noexcept {
  w.armed_ = true;
  w.idle_ = idle;
  if (w.lane_hook.is_linked()) {
    if (w.lane_ == deadline.lane && w.queued_at_ == deadline.at) return;
    w.lane_hook.unlink();
  }
  w.lane_ = deadline.lane;
  w.queued_at_ = deadline.at;
  lanes_[deadline.lane].insert(w);
}

bool DeadlineSweeper::sweep_slice(Clock::time_point now) noexcept {
  now_ = std::max(now_, now);
  for (int budget = kSliceBudget; budget > 0; --budget) {
    DeadlineLane* lane = earliest_lane();
    if (lane == nullptr || lane->front().queued_at_ > now_) return false;
    ConnectionWatch& w = lane->front();
    w.lane_hook.unlink();
    if (w.armed_) {  // a cleared watch only leaves the lane
      w.armed_ = false;
      w.on_expiry_(w.target_);
      budget -= kCancelCost - 1;
    }
  }
  return true;
}

Clock::time_point DeadlineSweeper::next_wake(Clock::time_point now) noexcept {
  const Clock::time_point horizon = lane_count_ == 0 ? Clock::time_point::max() : now + shortest_;
  DeadlineLane* lane = earliest_lane();
  return lane == nullptr ? horizon : std::min(horizon, lane->front().queued_at_);
}

DeadlineLane* DeadlineSweeper::earliest_lane() noexcept {
  DeadlineLane* earliest = nullptr;
  for (std::size_t i = 0; i < lane_count_; ++i) {
    DeadlineLane& lane = lanes_[i];
    if (lane.empty()) continue;
    ++looked_at_;
    if (earliest == nullptr || lane.front().queued_at_ < earliest->front().queued_at_) earliest = &lane;
  }
  return earliest;
}

// Once, at shutdown, so it looks at every watch in one go.
void DeadlineSweeper::close_idle() noexcept {
  timer_.cancel();
  for (ConnectionWatch& w : every_) {
    if (w.armed_ && w.idle_) {
      w.armed_ = false;
      w.on_expiry_(w.target_);
    }
  }
}

}  // namespace apibench::rust_style
