#pragma once
// Builds the exact bytes of one HTTP/1.1 request from command-line parts.
#include <string>
#include <vector>

namespace apibench::loadgen {

struct RequestParts {
  std::string method = "GET";
  std::string target = "/";
  std::string host_header;           // Host: value
  std::vector<std::string> headers;  // "Name: value", as given; a user Host header replaces ours
  std::string body;                  // sent with Content-Length when non-empty
};

std::string build_request(const RequestParts& parts);

}  // namespace apibench::loadgen
