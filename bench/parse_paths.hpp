#pragma once
// Each server's way from request bytes to a request its handlers take, as its
// connection code drives its parser, minus the socket. The connection code
// itself (rust-style Connection::serve_one, go-style RequestReader::feed) is
// private and bound to a socket, so these repeat its few calls into the
// public parsers, with the same limits.
#include <cstddef>
#include <span>
#include <string_view>

#include <boost/asio/buffer.hpp>

#include "contract/limits.hpp"
#include "handlers.hpp"
#include "http/head_check.hpp"
#include "http/types.hpp"
#include "http_parser.hpp"

namespace apibench::bench {

struct RustParsed {
  std::size_t consumed = 0;  // bytes of the request; 0: incomplete or refused
  rust_style::RoutedHead routed;
  std::string_view body;
};

// Head, route, body: the steps before rust-style calls Handlers::handle.
inline RustParsed rust_style_parse(std::span<char> bytes, rust_style::RequestHead& head,
                                   const contract::ServerOptions& options) {
  const rust_style::HeadResult parsed = rust_style::parse_head(std::string_view(bytes.data(), bytes.size()), head);
  if (parsed.status != rust_style::ParseStatus::complete) return {};
  RustParsed request;
  request.routed = rust_style::route_head(head, options);
  const rust_style::BodyResult body = rust_style::take_body(bytes.subspan(head.size), head, request.routed.body_limit);
  if (body.status != rust_style::ParseStatus::complete) return {};
  request.consumed = head.size + body.consumed;
  request.body = body.body;
  return request;
}

// The raw head check, then Beast's parser for the head and (eagerly) the body,
// as go-style's RequestReader feeds it. A fresh parser per request, as there.
// The bytes of the request, or 0: incomplete or refused.
inline std::size_t go_style_parse(std::string_view bytes, gohttp::RequestParser& parser) {
  if (!gohttp::head_bytes_acceptable(bytes)) return 0;
  parser.header_limit(static_cast<std::uint32_t>(contract::kMaxHeaderBytes));
  boost::system::error_code ec;
  std::size_t used = parser.put(boost::asio::buffer(bytes.data(), bytes.size()), ec);
  if (ec || !parser.is_header_done()) return 0;
  parser.body_limit(contract::kDefaultBodyLimit);
  parser.eager(true);
  while (!parser.is_done()) {
    const std::size_t more = parser.put(boost::asio::buffer(bytes.data() + used, bytes.size() - used), ec);
    if (ec || more == 0) return 0;
    used += more;
  }
  return used;
}

}  // namespace apibench::bench
