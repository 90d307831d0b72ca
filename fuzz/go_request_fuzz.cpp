// go-style's request handling as the server runs it: the input arrives on a
// connection (one end of a socketpair) served by gohttp::Connection in its own
// fiber, with the real App behind it. go-style exposes no function that takes
// raw bytes, so the fuzzer is the peer: it writes the input, shuts its sending
// side, and reads every answer until the server closes. A /work is answered
// without its sleep (ms=0) so one input cannot stall the run for a second.
#include <sys/socket.h>

#include <array>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/write.hpp>
#include <cstdint>
#include <string>

#include "app/app.hpp"
#include "app/metrics.hpp"
#include "fuzz/fuzz_check.hpp"
#include "gort/runtime.hpp"
#include "http/connection.hpp"

namespace asio = boost::asio;
namespace contract = apibench::contract;

namespace {

apibench::contract::ServerOptions small_server() {
  auto options = contract::default_server_options();
  options.cache_bytes = 1024 * 1024;
  options.body_limit = 64 * 1024;
  return options;
}

// The App, with /work?ms=N turned into ms=0 once N has been checked the way App checks it.
class NoSleepHandler final : public gohttp::Handler {
 public:
  explicit NoSleepHandler(gostyle::App& app) : app_(app) {}
  gohttp::Response serve(gohttp::Request& request, gort::Yield yield) override {
    auto m = contract::match_route(contract::parse_method(request.method_string()), request.target());
    if (m.route == contract::Route::work && contract::parse_work_ms(m.query)) request.target("/work?ms=0");
    return app_.serve(request, yield);
  }
  std::size_t body_limit(const gohttp::Request& head) const override { return app_.body_limit(head); }
  void record_rejection(const gohttp::Request& head, int status) override { app_.record_rejection(head, status); }

 private:
  gostyle::App& app_;
};

struct Server {
  contract::ServerOptions options = small_server();
  gort::BlockingPool blocking{4};
  gostyle::Metrics metrics;
  gostyle::App app{options, blocking, metrics};
  NoSleepHandler handler{app};
  std::atomic<bool> draining{false};
};

// Reads what the server sends until it closes; the bytes are not judged here.
void drain(asio::local::stream_protocol::socket& peer, std::array<char, 16384>& sink) {
  peer.async_read_some(asio::buffer(sink), [&](boost::system::error_code ec, std::size_t) {
    if (!ec) drain(peer, sink);
  });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Server server;  // App's cache and order ids outlive one input, as in a server
  asio::io_context context(1);
  int fds[2];
  APIBENCH_FUZZ_CHECK(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0);
  gort::TaskExecutor home = asio::make_strand(context);
  gohttp::Socket socket(home);
  socket.assign(gohttp::tcp::v4(), fds[0]);  // only read, write and shutdown are used: any stream fd does
  asio::local::stream_protocol::socket peer(context, asio::local::stream_protocol(), fds[1]);

  gohttp::ConnectionSettings settings{{std::chrono::milliseconds(2000), std::chrono::milliseconds(2000)},
                                      &server.draining};
  auto connection = std::make_shared<gohttp::Connection>(std::move(socket), settings, server.handler);
  asio::spawn(home, [connection](gort::Yield yield) { connection->serve(yield); },
              boost::coroutines::attributes(gort::Runtime::kStackBytes));
  const std::string input(reinterpret_cast<const char*>(data), size);
  asio::async_write(peer, asio::buffer(input), [&](boost::system::error_code, std::size_t) {
    boost::system::error_code ignored;
    peer.shutdown(asio::socket_base::shutdown_send, ignored);
  });
  std::array<char, 16384> sink;
  drain(peer, sink);
  context.run();
  return 0;
}
