#include "http/replies.hpp"

#include <fmt/format.h>

#include "contract/http_date.hpp"
#include "contract/responses.hpp"

namespace gohttp {

namespace {
constexpr std::string_view kServerName = "apibench-go-style";
}

Response reply(int status, std::string_view content_type, std::string body) {
  Response response{static_cast<http::status>(status), 11};
  response.set(http::field::content_type, content_type);
  response.body() = std::move(body);
  return response;
}

Response error_reply(int status, std::string_view reason) {
  return reply(status, apibench::contract::kContentTypeJson, fmt::format(R"({{"error":"{}"}})", reason));
}

void finish_response(Response& response, unsigned request_version, bool close) {
  response.set(http::field::server, kServerName);
  response.set(http::field::date, apibench::contract::http_date_now());
  // A 204 carries no Content-Length (RFC 9110 8.6), as net/http does it.
  if (response.result() != http::status::no_content) response.content_length(response.body().size());
  if (close) {
    response.set(http::field::connection, "close");
  } else if (request_version == 10) {
    response.set(http::field::connection, "keep-alive");  // HTTP/1.0 keeps alive only when told
  }
}

}  // namespace gohttp
