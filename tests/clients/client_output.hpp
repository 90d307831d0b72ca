#pragma once
// What each client program says about its run, read from its text output.
// A field is nullopt when its line is missing, so a test can tell "the tool
// reported no errors" apart from "the tool's output could not be read".
#include <optional>
#include <string>

#include "testing/http_client.hpp"

namespace apibench::clients {

struct WrkSummary {
  std::optional<long> requests;       // "N requests in 1.00s, ..."
  long socket_errors = 0;             // connect + read + write + timeout; 0 when wrk prints no such line
  long non_2xx_3xx = 0;               // "Non-2xx or 3xx responses: N"; 0 when absent
};
WrkSummary parse_wrk(const std::string& output);

struct AbSummary {
  std::optional<long> complete;       // "Complete requests:      2000"
  std::optional<long> failed;         // "Failed requests:        0"
  long non_2xx = 0;                   // "Non-2xx responses:      N"; 0 when absent
};
AbSummary parse_ab(const std::string& output);

struct H2loadSummary {
  std::optional<long> total;          // "requests: 2000 total, 2000 started, 2000 done, 2000 succeeded, 0 failed, ..."
  long succeeded = 0;
  long failed = 0;
  long errored = 0;
  long timed_out = 0;
  std::optional<long> status_2xx;     // "status codes: 2000 2xx, ..."
};
H2loadSummary parse_h2load(const std::string& output);

// The last response head in curl's --dump-header file (an interim 100 Continue
// comes first when curl asked for it), with `body` as the response body.
std::optional<testing::HttpResponse> parse_curl_head(const std::string& head_file, std::string body);

}  // namespace apibench::clients
