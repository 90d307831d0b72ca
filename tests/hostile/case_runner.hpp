#pragma once
// Sends a hostile case over a real socket and judges what came back against
// what the case demands. Every wait is bounded, so a server that hangs is a
// wrong answer, not a hung test.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "testing/http_client.hpp"
#include "tests/hostile/hostile_case.hpp"

namespace apibench::hostile {

inline constexpr std::chrono::milliseconds kAnswerTimeout{5000};

// What the server did with a case.
struct Answer {
  std::vector<testing::HttpResponse> responses;
  bool closed = false;      // the server closed the connection within the timeout
  std::string send_error;   // the server stopped reading early (expected for large refusals)
  std::string connect_error;
};

Answer deliver(std::uint16_t port, const HostileCase& c);

// Empty when the answer is the one the case demands; otherwise what was wrong,
// in words that name the case, the expectation and what the server did.
std::string judge(const HostileCase& c, const Answer& answer);

// The server still serves GET /health on a new connection.
bool answers_health(std::uint16_t port);

}  // namespace apibench::hostile
