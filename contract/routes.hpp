#pragma once
// Routing for the contract in docs/api.md: one function both C++ servers call,
// free of allocation, so that which route a request hits never differs by design.
#include <cstdint>
#include <optional>
#include <string_view>

namespace apibench::contract {

enum class Method : std::uint8_t { get, head, post, put, del, other };

enum class Route : std::uint8_t { json, plaintext, health, orders, cache, work, metrics, not_found };

struct RouteMatch {
  Route route = Route::not_found;
  bool method_allowed = false;
  std::string_view allow;      // the Allow header value for a 405
  std::string_view cache_key;  // for Route::cache, the raw key after /cache/
  std::string_view query;      // what follows '?', without it
};

// Methods are case-sensitive tokens (RFC 9110 9.1): "get" is not GET.
Method parse_method(std::string_view token) noexcept;
std::string_view method_name(Method m) noexcept;

// target is the request-target in origin form ("/path?query").
RouteMatch match_route(Method method, std::string_view target) noexcept;

std::string_view route_name(Route r) noexcept;

// Cache keys: 1..250 bytes of [A-Za-z0-9._~-]; "." and ".." are refused too,
// so a key can never read as a path step.
bool valid_cache_key(std::string_view key) noexcept;

// /work?ms=N with N in 0..kMaxWorkMs; nullopt for a missing, malformed or out-of-range N.
std::optional<unsigned> parse_work_ms(std::string_view query) noexcept;

}  // namespace apibench::contract
