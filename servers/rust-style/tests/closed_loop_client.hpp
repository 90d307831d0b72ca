#pragma once
// Many keep-alive connections driven closed-loop from one thread: each sends
// its next request as soon as the previous response has arrived, so the server
// always has several connections ready at once (the case where its loop must
// share itself between connections). After construction it allocates nothing,
// so allocation tests can count a window of server work in the same process.
#include <poll.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "testing/http_client.hpp"

namespace apibench::rust_style::test {

// A request and the bytes its response ends with (it must end with them only once).
struct Exchange {
  std::string_view request;
  std::string_view response_end;
};

class ClosedLoopClient {
 public:
  ClosedLoopClient(std::uint16_t port, std::size_t connections);

  // Every connection makes `requests` exchanges, the i-th on connection c being
  // exchanges[(c + i) % size]. False when a connection closes, fails, or gets
  // no bytes for 5 s.
  bool run(int requests, std::span<const Exchange> exchanges);

 private:
  struct Progress {
    int sent = 0;
    int answered = 0;
    std::size_t tail = 0;  // bytes kept from the last read: the response end may straddle reads
    char kept[64] = {};
  };

  bool send_next(std::size_t c, std::span<const Exchange> exchanges);
  bool receive(std::size_t c, std::span<const Exchange> exchanges, int requests);

  std::vector<apibench::testing::TestConnection> connections_;
  std::vector<pollfd> polled_;
  std::vector<Progress> progress_;
};

}  // namespace apibench::rust_style::test
