#pragma once
// The contract's routes (docs/api.md) for one connection. Each handler writes
// its whole response; only /work has a part that must not run on the loop,
// which handle() reports back for the connection to co_await.
#include <optional>
#include <string>
#include <string_view>

#include "contract/routes.hpp"
#include "http_parser.hpp"
#include "order.hpp"
#include "response_writer.hpp"
#include "server_state.hpp"

namespace apibench::rust_style {

struct Request {
  contract::Method method = contract::Method::other;
  contract::RouteMatch match;
  const RequestHead* head = nullptr;
  std::string_view body;
};

// The route of a parsed head and the largest body that route accepts.
struct RoutedHead {
  contract::Method method = contract::Method::other;
  contract::RouteMatch match;
  std::size_t body_limit = 0;
};
RoutedHead route_head(const RequestHead& head, const contract::ServerOptions& options) noexcept;

class Handlers {
 public:
  explicit Handlers(ServerState& state) : state_(state) {}

  // Answers request, except /work: then the milliseconds to sleep off the loop.
  std::optional<unsigned> handle(const Request& request, ResponseWriter& out);
  static void finish_work(unsigned slept_ms, ResponseWriter& out);

 private:
  void orders(const Request& request, ResponseWriter& out);
  void cache(const Request& request, ResponseWriter& out);
  void metrics(ResponseWriter& out);

  ServerState& state_;
  OrderReader order_reader_;
};

}  // namespace apibench::rust_style
