#pragma once
// A hostile request and the answer the contract (docs/api.md) demands for it,
// as listed in cases.json: raw bytes from corpus/ or made by a generator.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace apibench::hostile {

struct HostileCase {
  std::string name;
  std::string bytes;
  // The statuses of the responses, in order; empty: the only right answer is a close.
  std::vector<int> statuses;
  bool then_close = false;         // the server must close after the last response
  std::optional<std::string> error;  // the reason the last error body must give
  bool half_close = false;         // the client shuts its sending side after the bytes
  // Where the RFC leaves a server the choice, the other right answer (statuses, no close).
  std::vector<int> or_statuses;
};

// Reads cases.json in dir and the corpus files it names; throws std::runtime_error
// on a missing file, an unknown generator or a malformed entry.
std::vector<HostileCase> load_cases(const std::filesystem::path& dir);

// The case with its other right answer as the only one.
HostileCase alternative(const HostileCase& c);

// "400 then close", "close", "201, 400 then close": the expectation in words.
std::string describe_expectation(const HostileCase& c);

}  // namespace apibench::hostile
