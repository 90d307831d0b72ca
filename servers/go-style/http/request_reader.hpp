#pragma once
// Reads requests off a connection in blocking style: each read parks the task on
// the reactor. Enforces the idle timeout before a request, the header timeout from
// its first byte, and the head and body limits, mapping every failure to what the
// contract answers.
#include <chrono>
#include <cstddef>
#include <optional>

#include <boost/beast/core/flat_buffer.hpp>

#include "gort/task.hpp"
#include "http/types.hpp"

namespace gohttp {

struct ReadLimits {
  std::chrono::milliseconds idle_timeout;
  std::chrono::milliseconds header_timeout;
};

// ok: the part asked for was read. closed: the peer left, went silent or the read
// was cancelled; nothing is to be answered. rejected: answer `status`, then close.
struct ReadResult {
  enum class Kind { ok, closed, rejected } kind;
  int status = 0;

  static ReadResult ok() { return {Kind::ok}; }
  static ReadResult closed() { return {Kind::closed}; }
  static ReadResult rejected(int status) { return {Kind::rejected, status}; }
};

class RequestReader {
 public:
  RequestReader(Stream& stream, ReadLimits limits) : stream_(stream), limits_(limits) {}

  // Waits (up to the idle timeout) until a request's first byte is here.
  bool wait_for_request(gort::Yield yield);
  ReadResult read_head(RequestParser& parser, gort::Yield yield);
  ReadResult read_body(RequestParser& parser, std::size_t body_limit, gort::Yield yield);

 private:
  // Reads up to `chunk` more bytes; false when the peer left, timed out or was cancelled.
  bool read_more(std::size_t chunk, gort::Yield yield);
  // Feeds buffered bytes to the parser; nullopt while it needs more.
  std::optional<ReadResult> feed(RequestParser& parser, bool header_phase);

  Stream& stream_;
  ReadLimits limits_;
  beast::flat_buffer buffer_;
};

}  // namespace gohttp
