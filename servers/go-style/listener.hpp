#pragma once
// The listening socket, read the way Go's accept loop reads it: on each wake-up
// take every connection the kernel has queued (accept until EAGAIN), and park on
// the netpoller only when none is left. Taking them off the kernel's queue at
// once matters in a burst: the queue holds at most net.core.somaxconn
// connections, and past that the kernel drops SYNs, which the client sees as a
// connect taking 1 s, 3 s or more (README.md, "Accept bursts").
#include <cstddef>
#include <cstdint>
#include <deque>

#include <boost/asio/ip/tcp.hpp>

#include "gort/runtime.hpp"
#include "http/types.hpp"

namespace gostyle {

class Listener {
 public:
  // What accept_ready() stopped on.
  enum class Stop {
    drained,     // the kernel's queue is empty
    turn_full,   // took `max` and there may be more
    failed,      // an error such as EMFILE: back off before trying again
    closed,      // the listener was closed (shutdown)
  };

  // Binds and listens; throws boost::system::system_error when it cannot.
  Listener(gort::Runtime& runtime, const gohttp::tcp::endpoint& endpoint);

  std::uint16_t port() const;
  gort::TaskExecutor executor() { return acceptor_.get_executor(); }

  // Accepts without waiting, up to `max` connections, appending them to
  // `accepted`; each socket has a fresh strand of its own as its home. Only the
  // listener's task may call it.
  Stop accept_ready(std::deque<gohttp::Socket>& accepted, std::size_t max);
  // Parks the task until a connection is queued; false once the listener is closed.
  bool wait_readable(gort::Yield yield);
  // Safe from any thread: the close runs on the listener's strand.
  void close();

 private:
  using Acceptor = boost::asio::basic_socket_acceptor<gohttp::tcp, gort::TaskExecutor>;

  gort::Runtime& runtime_;
  Acceptor acceptor_;
};

}  // namespace gostyle
