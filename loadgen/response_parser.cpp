#include "loadgen/response_parser.hpp"

#include <algorithm>
#include <charconv>

#include "loadgen/http_head.hpp"

namespace apibench::loadgen {
namespace {

constexpr std::size_t kMaxHeadBytes = 64 * 1024;
constexpr std::size_t kMaxLineBytes = 4 * 1024;
constexpr std::string_view kHeadEnd = "\r\n\r\n";

bool has_no_body(int status, bool head_request) {
  return head_request || status < 200 || status == 204 || status == 304;
}

}  // namespace

ResponseParser::ResponseParser() {
  head_.reserve(4096);
  line_.reserve(256);
}

void ResponseParser::reset() {
  state_ = State::kHead;
  head_.clear();
  line_.clear();
  remaining_ = 0;
  complete_ = false;
}

// Returns the bytes of `data` used; sets `failed` on a malformed or oversized head.
std::size_t ResponseParser::take_head(std::string_view data, bool head_request, bool& failed) {
  if (head_.empty()) {  // common case: the whole head is in this read, parse it in place
    const auto end = data.find(kHeadEnd);
    if (end != std::string_view::npos) {
      failed = !parse_head(data.substr(0, end + kHeadEnd.size()), head_request);
      return end + kHeadEnd.size();
    }
  }
  const std::size_t searched = head_.size() >= 3 ? head_.size() - 3 : 0;
  const std::size_t before = head_.size();
  head_.append(data.substr(0, kMaxHeadBytes + kHeadEnd.size() - std::min(before, kMaxHeadBytes)));
  const auto end = head_.find(kHeadEnd, searched);
  if (end == std::string::npos) {
    failed = head_.size() > kMaxHeadBytes;
    return data.size();
  }
  const std::size_t head_size = end + kHeadEnd.size();
  failed = !parse_head(std::string_view(head_).substr(0, head_size), head_request);
  head_.clear();
  return head_size - before;
}

bool ResponseParser::parse_head(std::string_view head, bool head_request) {
  const auto fields = parse_head_fields(head);
  if (!fields) return false;
  response_.status = fields->status;
  response_.close = fields->close || (fields->http10 && !fields->keep_alive);
  if (fields->status < 200 && fields->status != 101) return true;  // interim: the real response follows
  if (has_no_body(fields->status, head_request)) {
    complete_ = true;
  } else if (fields->chunked) {
    state_ = State::kChunkSize;
  } else if (fields->content_length) {
    remaining_ = *fields->content_length;
    complete_ = remaining_ == 0;
    state_ = complete_ ? State::kHead : State::kLengthBody;
  } else {
    state_ = State::kUntilClose;  // the body is everything up to the end of the stream
    response_.close = true;
  }
  return true;
}

// Accumulates one line; true once its '\n' has arrived (line_ then holds it without CRLF).
bool ResponseParser::take_line(std::string_view data, std::size_t& used) {
  const auto newline = data.find('\n');
  const auto part = data.substr(0, newline == std::string_view::npos ? data.size() : newline);
  line_.append(part.substr(0, kMaxLineBytes + 1 - std::min(line_.size(), kMaxLineBytes)));
  used = newline == std::string_view::npos ? data.size() : newline + 1;
  if (newline == std::string_view::npos) return false;
  if (!line_.empty() && line_.back() == '\r') line_.pop_back();
  return true;
}

bool ResponseParser::on_chunk_line(std::string_view line) {
  switch (state_) {
    case State::kChunkSize: {
      const auto size_text = line.substr(0, line.find(';'));
      const auto [end, ec] = std::from_chars(size_text.data(), size_text.data() + size_text.size(), remaining_, 16);
      if (size_text.empty() || ec != std::errc() || end != size_text.data() + size_text.size()) return false;
      state_ = remaining_ == 0 ? State::kTrailers : State::kChunkData;
      return true;
    }
    case State::kChunkDataEnd:
      state_ = State::kChunkSize;
      return line.empty();
    case State::kTrailers:
      if (line.empty()) {
        state_ = State::kHead;
        complete_ = true;
      }
      return true;
    default:
      return false;
  }
}

ResponseParser::Step ResponseParser::step(std::string_view data, bool head_request) {
  std::size_t used = 0;
  bool failed = false;
  switch (state_) {
    case State::kHead:
      used = take_head(data, head_request, failed);
      break;
    case State::kLengthBody:
    case State::kChunkData:
      used = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, data.size()));
      remaining_ -= used;
      if (remaining_ == 0 && state_ == State::kLengthBody) {
        state_ = State::kHead;
        complete_ = true;
      } else if (remaining_ == 0) {
        state_ = State::kChunkDataEnd;
      }
      break;
    case State::kChunkSize:
    case State::kChunkDataEnd:
    case State::kTrailers:
      if (take_line(data, used)) {
        failed = !on_chunk_line(line_);
        line_.clear();
      } else {
        failed = line_.size() > kMaxLineBytes;
      }
      break;
    case State::kUntilClose:
      used = data.size();
      break;
  }
  return {failed ? Outcome::kError : Outcome::kNeedMore, used};
}

ResponseParser::Step ResponseParser::feed(std::string_view data, bool head_request) {
  std::size_t consumed = 0;
  while (consumed < data.size() || complete_) {
    if (complete_) {
      complete_ = false;
      return {Outcome::kResponse, consumed};
    }
    const auto s = step(data.substr(consumed), head_request);
    consumed += s.consumed;
    if (s.outcome == Outcome::kError) {
      reset();
      return {Outcome::kError, consumed};
    }
  }
  return {Outcome::kNeedMore, consumed};
}

bool ResponseParser::finish_at_eof() {
  const bool completes = state_ == State::kUntilClose;
  reset();
  return completes;
}

}  // namespace apibench::loadgen
