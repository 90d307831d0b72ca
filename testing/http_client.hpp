#pragma once
// A blocking HTTP/1.1 test client over one TCP connection to 127.0.0.1.
// Every wait is bounded, so a server that hangs fails a test instead of hanging it.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace apibench::testing {

struct HttpResponse {
  std::string version;  // "HTTP/1.1"
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // First value of a header, by case-insensitive name.
  std::optional<std::string> header(std::string_view name) const;
};

class TestConnection {
 public:
  static constexpr std::chrono::milliseconds kDefaultTimeout{5000};

  // Connects to host:port; throws std::runtime_error when it cannot.
  explicit TestConnection(std::uint16_t port, const char* host = "127.0.0.1");
  TestConnection(TestConnection&& other) noexcept;
  TestConnection& operator=(TestConnection&&) = delete;
  ~TestConnection();

  // False when the peer closed before taking everything (a server may answer
  // an oversized request early and close); the answer can still be read.
  bool send(std::string_view bytes);
  // Reads one response (body by Content-Length, or to end of stream when it has
  // none). nullopt when the peer closed or the timeout passed before one came.
  std::optional<HttpResponse> read_response(std::chrono::milliseconds timeout = kDefaultTimeout,
                                            bool head_request = false);
  // True when the peer closes (EOF or reset) within the timeout, discarding any bytes.
  bool closed_by_peer(std::chrono::milliseconds timeout = kDefaultTimeout);

  int fd() const { return fd_; }

 private:
  bool fill(std::chrono::steady_clock::time_point deadline);  // false on EOF, error or timeout
  bool read_chunked_body(std::string& body, std::chrono::steady_clock::time_point deadline);

  int fd_ = -1;
  std::string buffer_;
  bool eof_ = false;
};

// One request on a fresh connection: send, read one response.
std::optional<HttpResponse> request_once(std::uint16_t port, std::string_view raw_request);

// "GET /path HTTP/1.1\r\nHost: test\r\n\r\n"
std::string get_request(std::string_view path, std::string_view extra_headers = {});
std::string request_with_body(std::string_view method, std::string_view path, std::string_view content_type,
                              std::string_view body);

}  // namespace apibench::testing
