#pragma once
// The contract's routes (docs/api.md) as one http.Handler: routing, then one
// small handler per route, each counted in /metrics.
#include <atomic>
#include <cstdint>
#include <string_view>

#include "app/cache.hpp"
#include "app/metrics.hpp"
#include "contract/routes.hpp"
#include "contract/server_options.hpp"
#include "gort/blocking.hpp"
#include "http/handler.hpp"

namespace gostyle {

using gohttp::Request;
using gohttp::Response;

class App final : public gohttp::Handler {
 public:
  App(const apibench::contract::ServerOptions& options, gort::BlockingPool& blocking, Metrics& metrics);

  Response serve(Request& request, gort::Yield yield) override;
  std::size_t body_limit(const Request& head) const override;
  void record_rejection(const Request& head, int status) override;

  const Cache& cache() const { return cache_; }

 private:
  Response route(Request& request, const apibench::contract::RouteMatch& match, gort::Yield yield);
  // One per route; each in a file of its own (app/route_*.cpp).
  Response serve_json();
  Response serve_plaintext();
  Response serve_health();
  Response serve_metrics();
  Response serve_work(std::string_view query, gort::Yield yield);
  Response serve_orders(const Request& request);
  Response serve_cache(Request& request, std::string_view key);

  const std::size_t body_limit_;
  gort::BlockingPool& blocking_;
  Metrics& metrics_;
  Cache cache_;
  std::atomic<std::uint64_t> next_order_id_{1};
};

}  // namespace gostyle
