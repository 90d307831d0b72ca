#pragma once
// Many connections that each send a request head one byte at a time and never
// finish it (a slowloris client), to check that the header timeout drops them.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace apibench::overload {

class DrippingConnections {
 public:
  // Opens count connections to 127.0.0.1:port; throws std::runtime_error when one cannot be opened.
  DrippingConnections(std::uint16_t port, std::size_t count);
  DrippingConnections(const DrippingConnections&) = delete;
  DrippingConnections& operator=(const DrippingConnections&) = delete;
  ~DrippingConnections();

  // Notes the connections the server has closed, then sends the next byte of
  // the unfinished head on every one still open.
  void drip();
  // Connections the server has not closed yet (as of the last drip).
  std::size_t open_count() const;

 private:
  bool closed_by_server(int fd) const;

  std::vector<int> fds_;  // -1 once the server closed it
  std::size_t next_byte_ = 0;
};

}  // namespace apibench::overload
