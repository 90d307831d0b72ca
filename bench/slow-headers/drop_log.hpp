#pragma once
// What happened to the slow connections, and the summary printed at the end
// (the same lines scripts/slow-headers.py printed).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace apibench::slow_headers {

struct Drop {
  std::int64_t at_ns;          // since the start of the run
  std::int64_t after_byte_ns;  // from the connection's first byte to the close; -1 when it sent none
};

struct DropLog {
  std::size_t kept_open = 0;  // the connections asked for
  std::uint64_t opened = 0;
  std::uint64_t refused = 0;  // connects that failed
  std::vector<Drop> drops;    // closes by the server

  std::string summary() const;
};

}  // namespace apibench::slow_headers
