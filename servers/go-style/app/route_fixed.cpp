// The fixed routes: /json, /plaintext, /health, /metrics.
#include <nlohmann/json.hpp>

#include "app/app.hpp"
#include "contract/metrics.hpp"
#include "contract/responses.hpp"
#include "http/replies.hpp"

namespace gostyle {

namespace contract = apibench::contract;

namespace {

// What a Go handler would json.Marshal: a struct, encoded afresh for every request.
struct HelloMessage {
  std::string message;
};

void to_json(nlohmann::json& out, const HelloMessage& m) { out = nlohmann::json{{"message", m.message}}; }

}  // namespace

Response App::serve_json() {
  nlohmann::json body = HelloMessage{std::string(contract::kJsonMessage)};
  return gohttp::reply(200, contract::kContentTypeJson, body.dump());
}

Response App::serve_plaintext() {
  return gohttp::reply(200, contract::kContentTypeText, std::string(contract::kPlaintextBody));
}

Response App::serve_health() {
  return gohttp::reply(200, contract::kContentTypeJson, std::string(contract::kHealthBody));
}

Response App::serve_metrics() {
  contract::MetricsSnapshot snapshot = metrics_.snapshot();
  const CacheStats cache = cache_.stats();
  snapshot.cache_entries = cache.entries;
  snapshot.cache_bytes = cache.bytes;
  snapshot.cache_hits = cache.hits;
  snapshot.cache_misses = cache.misses;
  snapshot.cache_evictions = cache.evictions;
  std::string body;
  contract::render_metrics(snapshot, body);
  return gohttp::reply(200, contract::kContentTypeMetrics, std::move(body));
}

}  // namespace gostyle
