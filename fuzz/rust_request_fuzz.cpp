// rust-style's request path without the socket: every pipelined request in the
// input is parsed, routed, its body taken and answered, as
// Connection::serve_buffered does. A /work is answered without its sleep.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "fuzz/fuzz_check.hpp"
#include "handlers.hpp"
#include "http_parser.hpp"

namespace rs = apibench::rust_style;
using apibench::contract::Method;

namespace {

apibench::contract::ServerOptions small_server() {
  auto options = apibench::contract::default_server_options();
  options.cache_bytes = 1024 * 1024;
  options.body_limit = 64 * 1024;
  return options;
}

// Answers the request at the front of bytes; the bytes it took, or 0 when the
// connection would stop here (incomplete, refused, or closing).
std::size_t serve_one(std::span<char> bytes, rs::Handlers& handlers, const rs::ServerState& state,
                      rs::OutputBatch& out, std::string& scratch) {
  rs::RequestHead head;
  const rs::HeadResult parsed = rs::parse_head(std::string_view(bytes.data(), bytes.size()), head);
  if (parsed.status != rs::ParseStatus::complete) return 0;
  APIBENCH_FUZZ_CHECK(head.size > 0 && head.size <= bytes.size());
  const rs::RoutedHead routed = rs::route_head(head, state.options());
  const bool has_body = routed.method == Method::post || routed.method == Method::put;
  if (has_body && head.framing == rs::BodyFraming::none) return 0;
  const std::span<char> rest = bytes.subspan(head.size);
  const rs::BodyResult body = rs::take_body(rest, head, routed.body_limit);
  if (body.status != rs::ParseStatus::complete) return 0;
  APIBENCH_FUZZ_CHECK(body.consumed <= rest.size());
  APIBENCH_FUZZ_CHECK(body.body.size() <= routed.body_limit);
  APIBENCH_FUZZ_CHECK(body.body.empty() ||
                      (body.body.data() >= rest.data() && body.body.data() + body.body.size() <= rest.data() + rest.size()));
  rs::ResponseWriter writer(out, scratch, {head.keep_alive, head.http10, routed.method == Method::head});
  if (auto ms = handlers.handle(rs::Request{routed.method, routed.match, &head, body.body}, writer)) {
    rs::Handlers::finish_work(*ms, writer);
  }
  APIBENCH_FUZZ_CHECK(writer.status() >= 100 && writer.status() <= 599);
  return writer.keep_alive() ? head.size + body.consumed : 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  rs::ServerState state(small_server());
  rs::Handlers handlers(state);
  rs::OutputBatch out;
  std::string scratch;
  std::vector<char> input(data, data + size);  // mutable: chunked bodies are decoded in place
  std::span<char> bytes(input);
  while (!bytes.empty()) {
    const std::size_t used = serve_one(bytes, handlers, state, out, scratch);
    if (used == 0) break;
    bytes = bytes.subspan(used);
    out.clear();
  }
  return 0;
}
