#include "contract/routes.hpp"

#include <charconv>

#include "contract/limits.hpp"

namespace apibench::contract {
namespace {

struct FixedRoute {
  std::string_view path;
  Route route;
  Method method;
  std::string_view allow;
};

constexpr FixedRoute kFixedRoutes[] = {
    {"/json", Route::json, Method::get, "GET"},
    {"/plaintext", Route::plaintext, Method::get, "GET"},
    {"/health", Route::health, Method::get, "GET"},
    {"/orders", Route::orders, Method::post, "POST"},
    {"/work", Route::work, Method::get, "GET"},
    {"/metrics", Route::metrics, Method::get, "GET"},
};

constexpr std::string_view kCachePrefix = "/cache/";
constexpr std::string_view kCacheAllow = "GET, PUT, DELETE";

bool is_key_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '~' || c == '-';
}

}  // namespace

Method parse_method(std::string_view token) noexcept {
  if (token == "GET") return Method::get;
  if (token == "POST") return Method::post;
  if (token == "PUT") return Method::put;
  if (token == "DELETE") return Method::del;
  if (token == "HEAD") return Method::head;
  return Method::other;
}

std::string_view method_name(Method m) noexcept {
  switch (m) {
    case Method::get: return "GET";
    case Method::head: return "HEAD";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::del: return "DELETE";
    case Method::other: break;
  }
  return "OTHER";
}

RouteMatch match_route(Method method, std::string_view target) noexcept {
  RouteMatch m;
  std::string_view path = target;
  if (auto q = target.find('?'); q != std::string_view::npos) {
    path = target.substr(0, q);
    m.query = target.substr(q + 1);
  }
  for (const FixedRoute& r : kFixedRoutes) {
    if (path == r.path) {
      m.route = r.route;
      m.method_allowed = method == r.method;
      m.allow = r.allow;
      return m;
    }
  }
  if (path.starts_with(kCachePrefix)) {
    m.route = Route::cache;
    m.cache_key = path.substr(kCachePrefix.size());
    m.method_allowed = method == Method::get || method == Method::put || method == Method::del;
    m.allow = kCacheAllow;
    return m;
  }
  m.method_allowed = true;  // 404 wins over 405 for unknown paths
  return m;
}

std::string_view route_name(Route r) noexcept {
  switch (r) {
    case Route::json: return "json";
    case Route::plaintext: return "plaintext";
    case Route::health: return "health";
    case Route::orders: return "orders";
    case Route::cache: return "cache";
    case Route::work: return "work";
    case Route::metrics: return "metrics";
    case Route::not_found: break;
  }
  return "not_found";
}

bool valid_cache_key(std::string_view key) noexcept {
  if (key.empty() || key.size() > kMaxCacheKey || key == "." || key == "..") return false;
  for (char c : key) {
    if (!is_key_char(c)) return false;
  }
  return true;
}

std::optional<unsigned> parse_work_ms(std::string_view query) noexcept {
  // Accept exactly one parameter, "ms", as the contract defines no other.
  constexpr std::string_view kName = "ms=";
  if (!query.starts_with(kName)) return std::nullopt;
  std::string_view digits = query.substr(kName.size());
  if (digits.empty() || digits.size() > 4) return std::nullopt;
  unsigned value = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || end != digits.data() + digits.size() || value > kMaxWorkMs) return std::nullopt;
  return value;
}

}  // namespace apibench::contract
