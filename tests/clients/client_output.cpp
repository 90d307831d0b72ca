#include "tests/clients/client_output.hpp"

#include <regex>
#include <sstream>

namespace apibench::clients {
namespace {

// The first capture of `pattern` in `text`, as a number.
std::optional<long> find_number(const std::string& text, const std::regex& pattern) {
  std::smatch m;
  if (!std::regex_search(text, m, pattern)) return std::nullopt;
  return std::stol(m[1].str());
}

long find_number_or_zero(const std::string& text, const std::regex& pattern) {
  return find_number(text, pattern).value_or(0);
}

std::string trim(std::string s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

}  // namespace

WrkSummary parse_wrk(const std::string& output) {
  static const std::regex requests(R"((\d+) requests in )");
  static const std::regex socket_errors(R"(Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+))");
  static const std::regex non_2xx(R"(Non-2xx or 3xx responses: (\d+))");
  WrkSummary s;
  s.requests = find_number(output, requests);
  if (std::smatch m; std::regex_search(output, m, socket_errors)) {
    for (int i = 1; i <= 4; ++i) s.socket_errors += std::stol(m[i].str());
  }
  s.non_2xx_3xx = find_number_or_zero(output, non_2xx);
  return s;
}

AbSummary parse_ab(const std::string& output) {
  static const std::regex complete(R"(Complete requests:\s+(\d+))");
  static const std::regex failed(R"(Failed requests:\s+(\d+))");
  static const std::regex non_2xx(R"(Non-2xx responses:\s+(\d+))");
  return {find_number(output, complete), find_number(output, failed), find_number_or_zero(output, non_2xx)};
}

H2loadSummary parse_h2load(const std::string& output) {
  static const std::regex requests(
      R"(requests: (\d+) total, \d+ started, \d+ done, (\d+) succeeded, (\d+) failed, (\d+) errored, (\d+) timeout)");
  static const std::regex status_2xx(R"(status codes: (\d+) 2xx)");
  H2loadSummary s;
  if (std::smatch m; std::regex_search(output, m, requests)) {
    s.total = std::stol(m[1].str());
    s.succeeded = std::stol(m[2].str());
    s.failed = std::stol(m[3].str());
    s.errored = std::stol(m[4].str());
    s.timed_out = std::stol(m[5].str());
  }
  s.status_2xx = find_number(output, status_2xx);
  return s;
}

std::optional<testing::HttpResponse> parse_curl_head(const std::string& head_file, std::string body) {
  static const std::regex status_line(R"(^(HTTP/\d(?:\.\d)?) (\d{3})\b.*)");
  std::optional<testing::HttpResponse> last;
  std::istringstream lines(head_file);
  for (std::string line; std::getline(lines, line);) {
    line = trim(line);
    std::smatch m;
    if (std::regex_match(line, m, status_line)) {
      last = testing::HttpResponse{m[1].str(), std::stoi(m[2].str()), {}, {}};
    } else if (const auto colon = line.find(':'); last && colon != std::string::npos) {
      last->headers.emplace_back(trim(line.substr(0, colon)), trim(line.substr(colon + 1)));
    }
  }
  if (last) last->body = std::move(body);
  return last;
}

}  // namespace apibench::clients
