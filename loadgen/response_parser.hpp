#pragma once
// A minimal but correct incremental HTTP/1.1 response parser for the load generator:
// it reads the status line and the headers that frame the body (Content-Length,
// Transfer-Encoding: chunked, Connection), skips bodies without keeping them, and
// accepts bytes in any split. Partial heads and chunk-size lines are copied into
// buffers reserved at construction, so steady state does not allocate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace apibench::loadgen {

struct ResponseHead {
  int status = 0;
  bool close = false;  // the server will close the connection after this response
};

class ResponseParser {
 public:
  enum class Outcome { kNeedMore, kResponse, kError };
  struct Step {
    Outcome outcome = Outcome::kNeedMore;
    std::size_t consumed = 0;  // bytes of the input used; the rest belongs to the next response
  };

  ResponseParser();

  // Parses from `data` until one response completes, the data runs out, or it is malformed.
  // `head_request`: the response being read answers a HEAD request, so it has no body.
  Step feed(std::string_view data, bool head_request);
  // The peer closed the stream: true when that completes a response whose body runs to the end.
  bool finish_at_eof();
  // True between responses with no partial response buffered.
  bool idle() const { return state_ == State::kHead && head_.empty(); }
  const ResponseHead& response() const { return response_; }
  void reset();

 private:
  enum class State { kHead, kLengthBody, kChunkSize, kChunkData, kChunkDataEnd, kTrailers, kUntilClose };

  std::size_t take_head(std::string_view data, bool head_request, bool& failed);
  bool parse_head(std::string_view head, bool head_request);
  bool take_line(std::string_view data, std::size_t& used);
  bool on_chunk_line(std::string_view line);
  Step step(std::string_view data, bool head_request);

  State state_ = State::kHead;
  std::string head_;  // a head split across reads
  std::string line_;  // a chunk-size or trailer line split across reads
  std::uint64_t remaining_ = 0;
  bool complete_ = false;
  ResponseHead response_;
};

}  // namespace apibench::loadgen
