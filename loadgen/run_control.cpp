#include "loadgen/run_control.hpp"

#include <algorithm>
#include <thread>

namespace apibench::loadgen {
namespace {

constexpr auto kWatchInterval = std::chrono::milliseconds(2);

std::uint64_t quota_of(std::uint64_t total, unsigned threads, std::size_t thread) {
  return total / threads + (thread < total % threads ? 1 : 0);
}

}  // namespace

RunControl::RunControl(const LoadSpec& spec, unsigned threads, LiveProgress* live)
    : caller_spec_(spec), counted_(spec.request_count.has_value()), threads_(threads), live_(live) {
  if (counted_) {
    own_spec_ = spec;
    own_spec_.stop = &stop_;
  }
  if (live_ == nullptr) {
    own_live_ = std::make_unique<LiveProgress>();
    live_ = own_live_.get();
  }
}

void RunControl::released(const Window& measured) {
  measured_ = measured;
  live_->set_measured_start(measured.start_ns);
}

Window RunControl::window_for(std::size_t thread) const {
  Window w = measured_;
  w.live = &live_->slot(thread);
  if (counted_) w.quota = quota_for(thread);
  return w;
}

std::uint64_t RunControl::quota_for(std::size_t thread) const {
  return quota_of(*caller_spec_.request_count, threads_, thread);
}

bool RunControl::all_quotas_met() const {
  for (std::size_t t = 0; t < threads_; ++t) {
    if (quota_for(t) > 0 && live_->slot(t).quota_met_ns.load(std::memory_order_acquire) == 0) return false;
  }
  return true;
}

void RunControl::watch() {
  if (!counted_) return;
  while (finished_.load(std::memory_order_acquire) < threads_) {
    const bool caller_stop = caller_spec_.stop && caller_spec_.stop->load(std::memory_order_relaxed);
    if (caller_stop || all_quotas_met()) stop_.store(true, std::memory_order_relaxed);
    std::this_thread::sleep_for(kWatchInterval);
  }
}

std::chrono::nanoseconds RunControl::elapsed() const {
  std::int64_t end = measured_.end_ns;
  if (counted_ && all_quotas_met()) {
    std::int64_t last = measured_.start_ns;
    for (std::size_t t = 0; t < threads_; ++t) last = std::max(last, live_->slot(t).quota_met_ns.load());
    end = std::min(end, last);
  }
  return std::chrono::nanoseconds(std::max<std::int64_t>(end - measured_.start_ns, 0));
}

}  // namespace apibench::loadgen
