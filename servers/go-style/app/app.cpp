#include "app/app.hpp"

#include <algorithm>

#include "contract/limits.hpp"
#include "contract/responses.hpp"
#include "http/replies.hpp"

namespace gostyle {

namespace contract = apibench::contract;

namespace {

contract::RouteMatch match(const Request& request) {
  return contract::match_route(contract::parse_method(request.method_string()), request.target());
}

}  // namespace

App::App(const contract::ServerOptions& options, gort::BlockingPool& blocking, Metrics& metrics)
    : body_limit_(options.body_limit), blocking_(blocking), metrics_(metrics), cache_(options.cache_bytes) {}

Response App::serve(Request& request, gort::Yield yield) {
  const contract::RouteMatch m = match(request);
  Response response = route(request, m, yield);
  metrics_.count_request(m.route, response.result_int());
  return response;
}

Response App::route(Request& request, const contract::RouteMatch& m, gort::Yield yield) {
  if (m.route == contract::Route::not_found) return gohttp::error_reply(404, contract::reason::not_found);
  if (!m.method_allowed) {
    Response response = gohttp::error_reply(405, contract::reason::method_not_allowed);
    response.set(gohttp::http::field::allow, m.allow);
    return response;
  }
  switch (m.route) {
    case contract::Route::json: return serve_json();
    case contract::Route::plaintext: return serve_plaintext();
    case contract::Route::health: return serve_health();
    case contract::Route::metrics: return serve_metrics();
    case contract::Route::work: return serve_work(m.query, yield);
    case contract::Route::orders: return serve_orders(request);
    case contract::Route::cache: return serve_cache(request, m.cache_key);
    case contract::Route::not_found: break;
  }
  return gohttp::error_reply(404, contract::reason::not_found);
}

std::size_t App::body_limit(const Request& head) const {
  if (match(head).route == contract::Route::cache) return std::min(body_limit_, contract::kMaxCacheValue);
  return body_limit_;
}

void App::record_rejection(const Request& head, int status) {
  // A head too broken to have a target counts as not_found: it matched no route.
  metrics_.count_request(match(head).route, status);
}

}  // namespace gostyle
