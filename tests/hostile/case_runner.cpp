#include "tests/hostile/case_runner.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

namespace apibench::hostile {
namespace {

// A server refusing a large request closes before reading it all: the send then
// fails (reset) or stalls, and the answer may still be read. Bounded by a send timeout.
void send_tolerating_early_close(testing::TestConnection& connection, const std::string& bytes, Answer& answer) {
  timeval timeout{static_cast<time_t>(kAnswerTimeout.count() / 1000), 0};
  ::setsockopt(connection.fd(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  try {
    connection.send(bytes);
  } catch (const std::runtime_error& e) {
    answer.send_error = e.what();
  }
}

bool is_closing_case(const HostileCase& c) { return c.statuses.empty() || c.then_close; }

bool answered_with(const std::vector<int>& statuses, const std::vector<testing::HttpResponse>& responses) {
  if (responses.size() < statuses.size()) return false;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    if (responses[i].status != statuses[i]) return false;
  }
  return true;
}

// Whether to wait for the server to close. Where the RFC lets a server take the
// other choice (or_expect: answer and keep the connection), a server that took it
// keeps the connection open, and waiting for a close would sit out the whole timeout.
bool close_is_due(const HostileCase& c, const Answer& a) {
  if (!is_closing_case(c)) return false;
  return c.or_statuses.empty() || !answered_with(c.or_statuses, a.responses);
}

std::string describe(const Answer& a) {
  std::string text;
  if (!a.connect_error.empty()) return "no connection (" + a.connect_error + ")";
  for (const auto& r : a.responses) text += (text.empty() ? "" : ", ") + std::to_string(r.status) + " " + r.body;
  if (text.empty()) text = "no response";
  text += a.closed ? ", then closed" : ", connection left open";
  return text;
}

// An error response carries {"error":"<reason>"}; empty when it does.
std::string error_body_problem(const testing::HttpResponse& r, const std::optional<std::string>& reason) {
  auto body = nlohmann::json::parse(r.body, nullptr, false);
  if (!body.is_object() || !body.contains("error") || !body["error"].is_string()) return "error body is not {\"error\":...}";
  if (reason && body["error"] != *reason) return "error reason is not \"" + *reason + "\"";
  return {};
}

std::string problem(const HostileCase& c, const Answer& a) {
  if (!a.connect_error.empty()) return "could not connect";
  if (c.statuses.empty()) {
    for (const auto& r : a.responses) {
      if (r.status < 400 || r.status > 499) return "answered with a non-4xx";
    }
  } else {
    if (a.responses.size() < c.statuses.size()) return "missing responses";
    if (!answered_with(c.statuses, a.responses)) return "wrong status";
    const auto& last = a.responses[c.statuses.size() - 1];
    if (last.status >= 400) {
      if (std::string p = error_body_problem(last, c.error); !p.empty()) return p;
    }
  }
  if (is_closing_case(c) && !a.closed) return "connection not closed";
  return {};
}

}  // namespace

Answer deliver(std::uint16_t port, const HostileCase& c) {
  Answer answer;
  try {
    testing::TestConnection connection(port);
    send_tolerating_early_close(connection, c.bytes, answer);
    if (c.half_close) ::shutdown(connection.fd(), SHUT_WR);
    const std::size_t wanted = c.statuses.empty() ? 1 : c.statuses.size();
    while (answer.responses.size() < wanted) {
      auto response = connection.read_response(kAnswerTimeout);
      if (!response) break;
      answer.responses.push_back(std::move(*response));
    }
    if (close_is_due(c, answer)) answer.closed = connection.closed_by_peer(kAnswerTimeout);
  } catch (const std::runtime_error& e) {
    answer.connect_error = e.what();
  }
  return answer;
}

std::string judge(const HostileCase& c, const Answer& answer) {
  std::string p = problem(c, answer);
  if (p.empty()) return {};
  if (!c.or_statuses.empty() && problem(alternative(c), answer).empty()) return {};
  return c.name + ": " + p + ": expected " + describe_expectation(c) + ", got " + describe(answer);
}

bool answers_health(std::uint16_t port) {
  try {
    auto r = testing::request_once(port, testing::get_request("/health"));
    return r && r->status == 200;
  } catch (const std::runtime_error&) {
    return false;
  }
}

}  // namespace apibench::hostile
