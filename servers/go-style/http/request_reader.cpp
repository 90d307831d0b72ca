#include "http/request_reader.hpp"

#include <boost/beast/http/error.hpp>

#include "http/head_check.hpp"

namespace gohttp {
namespace {

// A request that is under way reads in large chunks. An idle connection holds
// only a small buffer for its pending read: most requests fit in it whole, and
// 10,000 idle connections do not each keep a large buffer they are not using
// (net/http keeps a 4 KiB bufio.Reader per connection).
constexpr std::size_t kReadChunk = 16 * 1024;
constexpr std::size_t kIdleReadChunk = 1024;
// Below this much free room, a read grows the buffer by a chunk instead.
constexpr std::size_t kMinReadRoom = 512;

int status_for(const boost::system::error_code& ec) {
  if (ec == http::error::header_limit) return 431;
  if (ec == http::error::body_limit) return 413;
  return 400;
}

std::string_view buffered(const beast::flat_buffer& buffer) {
  auto data = buffer.data();
  return {static_cast<const char*>(data.data()), data.size()};
}

}  // namespace

bool RequestReader::wait_for_request(gort::Yield yield) {
  if (buffer_.size() > 0) return true;  // a pipelined request is already here
  if (buffer_.capacity() > kIdleReadChunk) buffer_.shrink_to_fit();  // empty: frees the large buffer
  stream_.expires_after(limits_.idle_timeout);
  return read_more(kIdleReadChunk, yield);
}

ReadResult RequestReader::read_head(RequestParser& parser, gort::Yield yield) {
  stream_.expires_after(limits_.header_timeout);  // one deadline for the whole head
  for (;;) {
    if (!head_bytes_acceptable(buffered(buffer_))) return ReadResult::rejected(400);
    if (std::optional<ReadResult> result = feed(parser, true)) return *result;
    if (!read_more(kReadChunk, yield)) return ReadResult::closed();
  }
}

ReadResult RequestReader::read_body(RequestParser& parser, std::size_t body_limit, gort::Yield yield) {
  parser.body_limit(body_limit);
  parser.eager(true);
  stream_.expires_after(limits_.idle_timeout);
  for (;;) {
    if (std::optional<ReadResult> result = feed(parser, false)) return *result;
    if (!read_more(kReadChunk, yield)) return ReadResult::closed();
  }
}

std::optional<ReadResult> RequestReader::feed(RequestParser& parser, bool header_phase) {
  auto done = [&] { return header_phase ? parser.is_header_done() : parser.is_done(); };
  while (!done() && buffer_.size() > 0) {
    boost::system::error_code ec;
    std::size_t used = parser.put(buffer_.data(), ec);
    buffer_.consume(used);
    // Body framing the parser waits on though a blank line has arrived (a chunk
    // extension's quoted string left open) can only be malformed: refuse it now
    // rather than at the idle timeout.
    if (ec == http::error::need_more && used == 0 && !header_phase &&
        buffered(buffer_).find("\r\n\r\n") != std::string_view::npos) {
      return ReadResult::rejected(400);
    }
    if (ec == http::error::need_more) return std::nullopt;
    if (ec) return ReadResult::rejected(status_for(ec));
    if (used == 0) break;
  }
  if (done()) return ReadResult::ok();
  return std::nullopt;
}

bool RequestReader::read_more(std::size_t chunk, gort::Yield yield) {
  // Read into the room the buffer already has while there is enough of it.
  // Asking for a whole chunk every time made flat_buffer reallocate (size +
  // chunk bytes, copied) on every read of a head that trickles in: a client
  // sending one byte a second cost a 16 KiB allocation per byte (README.md, "Slow headers").
  const std::size_t room = buffer_.capacity() - buffer_.size();
  boost::system::error_code ec;
  std::size_t n = stream_.async_read_some(buffer_.prepare(room >= kMinReadRoom ? room : chunk), yield[ec]);
  if (ec) return false;  // EOF, reset, timeout or cancellation (shutdown)
  buffer_.commit(n);
  return true;
}

}  // namespace gohttp
