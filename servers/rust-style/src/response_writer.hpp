#pragma once
// Writes whole HTTP/1.1 responses into a connection's OutputBatch: status
// line, the common headers (Server, Date, Content-Type, Content-Length,
// Connection) and the body. Typed bodies are serialized into a reused scratch
// string first, because Content-Length precedes them.
#include <string>
#include <string_view>

#include "output_batch.hpp"
#include "shared_bytes.hpp"

namespace apibench::rust_style {

inline constexpr std::string_view kServerName = "apibench-rust-style";

struct ResponseFraming {
  bool keep_alive = true;      // false: "Connection: close" and the server closes
  bool http10 = false;         // an HTTP/1.0 keep-alive is said explicitly
  bool head_request = false;   // HEAD: headers only
};

class ResponseWriter {
 public:
  ResponseWriter(OutputBatch& out, std::string& body_scratch, ResponseFraming framing) noexcept
      : out_(out), scratch_(body_scratch), framing_(framing) {}

  void send(int status, std::string_view content_type, std::string_view body);
  // The body stays where it is; the batch holds a reference until it is written.
  void send_shared(int status, std::string_view content_type, SharedBytes body);
  void send_empty(int status);
  // {"error":"reason"}; allow is the Allow header of a 405.
  void send_error(int status, std::string_view reason, std::string_view allow = {});

  // serialize(std::string&) appends the body; it lands in the scratch, then the batch.
  template <typename Serialize>
  void send_serialized(int status, std::string_view content_type, Serialize serialize) {
    scratch_.clear();
    serialize(scratch_);
    send(status, content_type, scratch_);
  }

  // Once the server is shutting down, the response says it closes.
  void close_after() noexcept { framing_.keep_alive = false; }
  int status() const noexcept { return status_; }
  bool keep_alive() const noexcept { return framing_.keep_alive; }

 private:
  void head(int status, std::string_view content_type, std::size_t length, std::string_view extra = {});

  OutputBatch& out_;
  std::string& scratch_;
  ResponseFraming framing_;
  int status_ = 0;
};

}  // namespace apibench::rust_style
