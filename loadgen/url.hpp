#pragma once
// Parsing of the target URL `apibench load` takes: http://host[:port][/path][?query].
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

namespace apibench::loadgen {

struct HttpUrl {
  std::string host;
  std::uint16_t port = 80;
  std::string target = "/";  // path and query, as sent in the request line
  std::string host_header;   // host[:port] as written, for the Host header
};

// An HttpUrl, or a one-line reason it is not one.
std::variant<HttpUrl, std::string> parse_http_url(std::string_view text);

}  // namespace apibench::loadgen
