// POST /orders: check the media type, decode, number the order, encode the receipt.
#include "app/app.hpp"
#include "app/orders.hpp"
#include "contract/responses.hpp"
#include "http/replies.hpp"

namespace gostyle {

namespace contract = apibench::contract;

Response App::serve_orders(const Request& request) {
  auto content_type = request.find(gohttp::http::field::content_type);
  if (content_type == request.end() || !is_json_media_type(content_type->value())) {
    return gohttp::error_reply(415, contract::reason::unsupported_media_type);
  }
  std::variant<Order, OrderError> decoded = decode_order(request.body());
  if (auto* error = std::get_if<OrderError>(&decoded)) {
    return gohttp::error_reply(
        400, *error == OrderError::invalid_json ? contract::reason::invalid_json : contract::reason::invalid_order);
  }
  const std::uint64_t id = next_order_id_.fetch_add(1, std::memory_order_relaxed);
  return gohttp::reply(201, contract::kContentTypeJson, encode_receipt(id, std::get<Order>(decoded)));
}

}  // namespace gostyle
