#pragma once
// The requests the HTTP and end-to-end benchmarks feed the servers' parsers:
// what wrk sends, what a browser sends, a POST /orders, and a pipelined batch.
#include <cstddef>
#include <string>
#include <string_view>

namespace apibench::bench {

// wrk sends the request line and Host, nothing else.
inline constexpr std::string_view kWrkGetJson = "GET /json HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

// A browser's navigation request: 15 header fields, 677 bytes.
inline constexpr std::string_view kBrowserGetJson =
    "GET /json HTTP/1.1\r\n"
    "Host: 127.0.0.1:8080\r\n"
    "Connection: keep-alive\r\n"
    "sec-ch-ua: \"Chromium\";v=\"124\", \"Google Chrome\";v=\"124\", \"Not-A.Brand\";v=\"99\"\r\n"
    "sec-ch-ua-mobile: ?0\r\n"
    "sec-ch-ua-platform: \"Linux\"\r\n"
    "Upgrade-Insecure-Requests: 1\r\n"
    "User-Agent: Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/124.0.0.0 Safari/537.36\r\n"
    "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8\r\n"
    "Sec-Fetch-Site: none\r\n"
    "Sec-Fetch-Mode: navigate\r\n"
    "Sec-Fetch-User: ?1\r\n"
    "Sec-Fetch-Dest: document\r\n"
    "Accept-Encoding: gzip, deflate, br, zstd\r\n"
    "Accept-Language: en-US,en;q=0.9,de;q=0.8\r\n"
    "Cookie: session=3f9a1c2e7b8d4f60a1b2c3d4e5f60718; theme=dark\r\n"
    "\r\n";

inline std::string post_orders_request(std::string_view body) {
  std::string request =
      "POST /orders HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nContent-Length: ";
  request += std::to_string(body.size());
  request += "\r\n\r\n";
  request += body;
  return request;
}

// count copies of request back to back, as a pipelining client sends them.
inline std::string pipelined(std::string_view request, std::size_t count) {
  std::string batch;
  batch.reserve(request.size() * count);
  for (std::size_t i = 0; i < count; ++i) batch += request;
  return batch;
}

}  // namespace apibench::bench
