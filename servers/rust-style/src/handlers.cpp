#include "handlers.hpp"

#include <algorithm>
#include <fmt/format.h>

#include "contract/limits.hpp"
#include "contract/metrics.hpp"
#include "contract/responses.hpp"
#include "json_writer.hpp"

namespace apibench::rust_style {
namespace {

using contract::Method;
using contract::Route;
namespace reason = contract::reason;

// application/json, parameters such as "; charset=utf-8" allowed.
bool is_json_media_type(std::string_view content_type) noexcept {
  std::string_view type = content_type.substr(0, content_type.find(';'));
  while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.remove_suffix(1);
  return iequals(type, contract::kContentTypeJson);
}

}  // namespace

RoutedHead route_head(const RequestHead& head, const contract::ServerOptions& options) noexcept {
  RoutedHead routed;
  routed.method = contract::parse_method(head.method);
  routed.match = contract::match_route(routed.method, head.target);
  routed.body_limit = options.body_limit;
  if (routed.match.route == Route::cache && routed.method == Method::put) {
    routed.body_limit = std::min(routed.body_limit, contract::kMaxCacheValue);
  }
  return routed;
}

std::optional<unsigned> Handlers::handle(const Request& request, ResponseWriter& out) {
  const contract::RouteMatch& m = request.match;
  if (m.route == Route::not_found) {
    out.send_error(404, reason::not_found);
    return std::nullopt;
  }
  if (!m.method_allowed) {
    out.send_error(405, reason::method_not_allowed, m.allow);
    return std::nullopt;
  }
  switch (m.route) {
    case Route::json:
      out.send_serialized(200, contract::kContentTypeJson,
                          [](std::string& body) { json::append(body, json::Message{contract::kJsonMessage}); });
      break;
    case Route::plaintext: out.send(200, contract::kContentTypeText, contract::kPlaintextBody); break;
    case Route::health: out.send(200, contract::kContentTypeJson, contract::kHealthBody); break;
    case Route::orders: orders(request, out); break;
    case Route::cache: cache(request, out); break;
    case Route::metrics: metrics(out); break;
    case Route::work: {
      const auto ms = contract::parse_work_ms(m.query);
      if (!ms) out.send_error(400, reason::invalid_ms);
      return ms;
    }
    case Route::not_found: break;
  }
  return std::nullopt;
}

void Handlers::finish_work(unsigned slept_ms, ResponseWriter& out) {
  out.send_serialized(200, contract::kContentTypeJson,
                      [&](std::string& body) { fmt::format_to(std::back_inserter(body), R"({{"slept_ms":{}}})", slept_ms); });
}

void Handlers::orders(const Request& request, ResponseWriter& out) {
  if (!is_json_media_type(request.head->content_type)) return out.send_error(415, reason::unsupported_media_type);
  Order order;
  switch (order_reader_.read(request.body, order)) {
    case OrderError::invalid_json: return out.send_error(400, reason::invalid_json);
    case OrderError::invalid_order: return out.send_error(400, reason::invalid_order);
    case OrderError::none: break;
  }
  const std::uint64_t id = state_.next_order_id();
  out.send_serialized(201, contract::kContentTypeJson, [&](std::string& body) { append_receipt(body, id, order); });
}

void Handlers::cache(const Request& request, ResponseWriter& out) {
  const std::string_view key = request.match.cache_key;
  if (!contract::valid_cache_key(key)) return out.send_error(400, reason::invalid_key);
  Cache& cache = state_.cache();
  switch (request.method) {
    case Method::get:
      if (auto value = cache.get(key)) return out.send_shared(200, contract::kContentTypeOctets, std::move(*value));
      return out.send_error(404, reason::not_found);
    case Method::del: return cache.erase(key) ? out.send_empty(204) : out.send_error(404, reason::not_found);
    case Method::put:
      switch (cache.put(key, request.body)) {
        case PutResult::created: return out.send_empty(201);
        case PutResult::replaced: return out.send_empty(204);
        case PutResult::too_large: return out.send_error(413, reason::body_too_large);
      }
      return;
    default: return out.send_error(405, reason::method_not_allowed, request.match.allow);
  }
}

void Handlers::metrics(ResponseWriter& out) {
  const contract::MetricsSnapshot snapshot = state_.snapshot();
  out.send_serialized(200, contract::kContentTypeMetrics,
                      [&](std::string& body) { contract::render_metrics(snapshot, body); });
}

}  // namespace apibench::rust_style
