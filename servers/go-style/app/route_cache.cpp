// PUT/GET/DELETE /cache/{key}.
#include "app/app.hpp"
#include "contract/responses.hpp"
#include "http/replies.hpp"

namespace gostyle {

namespace contract = apibench::contract;
namespace http = gohttp::http;

Response App::serve_cache(Request& request, std::string_view key) {
  if (!contract::valid_cache_key(key)) return gohttp::error_reply(400, contract::reason::invalid_key);
  switch (request.method()) {
    case http::verb::put:
      switch (cache_.put(key, std::move(request.body()))) {
        case Cache::PutResult::created: return gohttp::reply(201, contract::kContentTypeJson, {});
        case Cache::PutResult::replaced: return gohttp::reply(204, contract::kContentTypeJson, {});
        case Cache::PutResult::too_large: break;
      }
      return gohttp::error_reply(413, contract::reason::body_too_large);
    case http::verb::delete_:
      if (cache_.erase(key)) return gohttp::reply(204, contract::kContentTypeJson, {});
      return gohttp::error_reply(404, contract::reason::not_found);
    default: {
      Cache::Value value = cache_.get(key);
      if (!value) return gohttp::error_reply(404, contract::reason::not_found);
      return gohttp::reply(200, contract::kContentTypeOctets, *value);
    }
  }
}

}  // namespace gostyle
