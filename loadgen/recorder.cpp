#include "loadgen/recorder.hpp"

#include <algorithm>

namespace apibench::loadgen {

Recorder::Recorder(const std::vector<std::string>& endpoint_names, bool open_loop, std::size_t seconds)
    : open_loop_(open_loop), seconds_(seconds) {
  totals_.open_loop = open_loop;
  totals_.endpoints.resize(endpoint_names.size());
  for (std::size_t i = 0; i < endpoint_names.size(); ++i) totals_.endpoints[i].name = endpoint_names[i];
}

std::size_t Recorder::second_of(std::int64_t now) const noexcept {
  const auto second = static_cast<std::size_t>((now - window_.start_ns) / 1'000'000'000);
  return std::min(second, seconds_.size() - 1);
}

void Recorder::close_second() {
  auto& buckets = seconds_[current_second_].latency_buckets;
  current_second_latency_.for_each_bucket(
      [&](const HistogramBucket& b) { buckets.emplace_back(b.index, b.count); });
  current_second_latency_.reset();
}

// Once a second: the p99 so far costs a scan of the histogram, too much per response.
void Recorder::publish_second() noexcept {
  if (window_.live != nullptr) {
    window_.live->p99_ns.store(totals_.latency.value_at_percentile(99), std::memory_order_relaxed);
  }
}

void Recorder::response(std::int64_t now, const InFlight& request, std::uint32_t endpoint, int status) {
  if (!window_.contains(now) || quota_met()) return;
  const auto latency = static_cast<std::uint64_t>(now - request.intended_ns);
  ++totals_.requests;
  if (window_.live != nullptr) {
    window_.live->requests.store(totals_.requests, std::memory_order_relaxed);
    if (quota_met()) window_.live->quota_met_ns.store(now, std::memory_order_release);
  }
  totals_.latency.record(latency);
  if (open_loop_) totals_.service_time.record(static_cast<std::uint64_t>(now - request.sent_ns));
  ++totals_.status_classes[static_cast<std::size_t>(status / 100)];
  auto& per_endpoint = totals_.endpoints[endpoint];
  ++per_endpoint.requests;
  per_endpoint.latency.record(latency);
  ++per_endpoint.status_classes[static_cast<std::size_t>(status / 100)];
  if (open_loop_) per_endpoint.service_time.record(static_cast<std::uint64_t>(now - request.sent_ns));

  const auto second = second_of(now);
  if (second != current_second_) {
    close_second();
    publish_second();
    current_second_ = second;
  }
  ++seconds_[second].requests;
  current_second_latency_.record(latency);
}

namespace {

std::uint64_t& count_of(ErrorCounts& errors, ErrorKind kind) noexcept {
  switch (kind) {
    case ErrorKind::kConnect: return errors.connect;
    case ErrorKind::kRead: return errors.read;
    case ErrorKind::kWrite: return errors.write;
    case ErrorKind::kTimeout: return errors.timeout;
    case ErrorKind::kBadResponse: break;
  }
  return errors.bad_response;
}

}  // namespace

void Recorder::error(std::int64_t now, ErrorKind kind, std::uint32_t endpoint) noexcept {
  const bool opening = !started_;
  if (!opening && (!window_.contains(now) || quota_met())) return;
  auto& errors = totals_.errors;
  ++count_of(errors, kind);
  if (endpoint != kNoEndpoint) ++count_of(totals_.endpoints[endpoint].errors, kind);
  if (!opening) ++seconds_[second_of(now)].errors;
  if (window_.live != nullptr) window_.live->errors.store(errors.total(), std::memory_order_relaxed);
}

void Recorder::finish() { close_second(); }

}  // namespace apibench::loadgen
