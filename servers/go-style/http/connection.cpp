#include "http/connection.hpp"

#include <array>

#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/write.hpp>

#include "contract/limits.hpp"
#include "contract/responses.hpp"
#include "contract/routes.hpp"
#include "http/replies.hpp"

namespace gohttp {
namespace {

namespace contract = apibench::contract;

// After an error answer the peer may still be sending (a body past the limit):
// closing with unread bytes would reset the connection and could destroy the
// answer before the peer reads it, so drain for a short while first, as net/http does.
constexpr std::chrono::milliseconds kLingerTime{500};
constexpr std::size_t kLingerBytes = 256 * 1024;

contract::Method method_of(const Request& request) {
  return contract::parse_method(request.method_string());
}

bool method_carries_body(const Request& head) {
  contract::Method m = method_of(head);
  return m == contract::Method::post || m == contract::Method::put;
}

}  // namespace

Connection::Connection(Socket socket, ConnectionSettings settings, Handler& handler)
    : stream_(std::move(socket)), settings_(settings), handler_(handler), reader_(stream_, settings.read) {}

void Connection::serve(gort::Yield yield) {
  while (serve_one(yield) == Next::keep_going) {
  }
  boost::system::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
  stream_.close();
}

void Connection::close_if_idle() {
  boost::asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_.load()) self->stream_.cancel();
  });
}

Connection::Next Connection::serve_one(gort::Yield yield) {
  idle_.store(true);
  if (settings_.draining->load()) return Next::close;
  bool arrived = reader_.wait_for_request(yield);
  idle_.store(false);
  if (!arrived) return Next::close;

  RequestParser parser;
  parser.header_limit(static_cast<std::uint32_t>(contract::kMaxHeaderBytes));
  ReadResult head = reader_.read_head(parser, yield);
  if (head.kind == ReadResult::Kind::closed) return Next::close;
  if (head.kind == ReadResult::Kind::rejected) {
    reject(parser.get(), head.status, yield);
    return Next::close;
  }
  return answer(parser, yield);
}

namespace {
// "chunked" alone: Beast accepts "gzip, chunked", a coding this server cannot undo.
bool only_chunked(std::string_view te) {
  while (!te.empty() && (te.front() == ' ' || te.front() == '\t')) te.remove_prefix(1);
  while (!te.empty() && (te.back() == ' ' || te.back() == '\t')) te.remove_suffix(1);
  return beast::iequals(te, "chunked");
}
}  // namespace

Connection::Next Connection::answer(RequestParser& parser, gort::Yield yield) {
  const Request& head = parser.get();
  // Beast reads a request with neither Content-Length nor chunked as bodiless;
  // the contract wants 411 for POST and PUT, and 400 for a transfer coding it cannot read.
  if (head.target().empty() || head.target().front() != '/') {  // only origin-form targets are routed
    reject(head, 400, yield);
    return Next::close;
  }
  if (head.count(http::field::transfer_encoding) > 0 && !only_chunked(head[http::field::transfer_encoding])) {
    reject(head, 400, yield);
    return Next::close;
  }
  if (method_carries_body(head) && !parser.content_length() && !parser.chunked()) {
    reject(head, 411, yield);
    return Next::close;
  }
  const std::size_t limit = handler_.body_limit(head);
  if (parser.content_length() && *parser.content_length() > limit) {
    reject(head, 413, yield);
    return Next::close;
  }
  if (!send_continue_if_expected(head, yield)) return Next::close;
  ReadResult body = reader_.read_body(parser, limit, yield);
  if (body.kind == ReadResult::Kind::closed) return Next::close;
  if (body.kind == ReadResult::Kind::rejected) {
    reject(head, body.status, yield);
    return Next::close;
  }
  Request request = parser.release();
  Response response = handler_.serve(request, yield);
  const bool close = !request.keep_alive() || settings_.draining->load();
  if (!write(response, request, close, yield) || close) return Next::close;
  return Next::keep_going;
}

void Connection::reject(const Request& head, int status, gort::Yield yield) {
  handler_.record_rejection(head, status);
  std::string_view reason = status == 431   ? contract::reason::headers_too_large
                            : status == 413 ? contract::reason::body_too_large
                            : status == 411 ? contract::reason::length_required
                                            : contract::reason::bad_request;
  Response response = error_reply(status, reason);
  if (write(response, head, true, yield)) close_gracefully(yield);
}

bool Connection::write(Response& response, const Request& request, bool close, gort::Yield yield) {
  finish_response(response, request.version() == 10 ? 10 : 11, close);
  stream_.expires_after(settings_.read.idle_timeout);  // a peer that stops reading is let go
  boost::system::error_code ec;
  http::async_write(stream_, response, yield[ec]);
  return !ec;
}

bool Connection::send_continue_if_expected(const Request& head, gort::Yield yield) {
  if (!beast::iequals(head[http::field::expect], "100-continue")) return true;
  static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
  boost::system::error_code ec;
  boost::asio::async_write(stream_, boost::asio::buffer(kContinue.data(), kContinue.size()), yield[ec]);
  return !ec;
}

void Connection::close_gracefully(gort::Yield yield) {
  boost::system::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.expires_after(kLingerTime);
  std::array<char, 4096> sink;
  for (std::size_t drained = 0; !ec && drained < kLingerBytes;) {
    drained += stream_.async_read_some(boost::asio::buffer(sink), yield[ec]);
  }
}

}  // namespace gohttp
