// JSON inside each design. POST /orders bodies of 1 to 1000 items decoded by
// rust-style's typed pull reader, by nlohmann/json (a DOM, and SAX with a small
// handler) and by go-style's decode path (nlohmann DOM copied into its struct);
// receipts encoded by rust-style's typed writer, by nlohmann's dump of a built
// receipt and by go-style's encode path (build an ordered_json, then dump);
// and whole requests (/json, and a 10-item POST /orders) from request bytes to
// response bytes in memory, the way each server's connection handles them.
// bytes_per_second counts input bytes for parsing and whole requests, output
// bytes for writing.
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include <benchmark/benchmark.h>
#include <nlohmann/json.hpp>

#include "alloc_counting.hpp"
#include "app/app.hpp"
#include "app/orders.hpp"
#include "beast_bytes.hpp"
#include "contract/server_options.hpp"
#include "handlers.hpp"
#include "http/replies.hpp"
#include "in_task.hpp"
#include "order.hpp"
#include "order_bodies.hpp"
#include "parse_paths.hpp"
#include "requests.hpp"
#include "server_state.hpp"

namespace {

namespace bench = apibench::bench;
namespace rust = apibench::rust_style;
using bench::AllocationCounter;

constexpr std::uint64_t kOrderId = 17;

std::string body_for(const benchmark::State& state) { return bench::order_body(static_cast<std::size_t>(state.range(0))); }

void count_bytes(benchmark::State& state, std::size_t bytes_per_op) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes_per_op));
}

// What a SAX consumer of an order does at the least: follow the keys and add
// up qty * price_cents, without building anything.
struct OrderTotalSax {
  std::string last_key;
  std::uint64_t qty = 0;
  std::uint64_t total_cents = 0;

  bool number_unsigned(std::uint64_t v) {
    if (last_key == "qty") qty = v;
    if (last_key == "price_cents") total_cents += qty * v;
    return true;
  }
  bool key(std::string& k) {
    last_key.swap(k);
    return true;
  }
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(std::int64_t) { return true; }
  bool number_float(double, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return false; }
};

void BM_ParseOrder_RustTyped(benchmark::State& state) {
  const std::string body = body_for(state);
  rust::OrderReader reader;
  rust::Order order;
  reader.read(body, order);  // a kept-alive connection's reader has reached its working size
  AllocationCounter allocations;
  for (auto _ : state) {
    if (reader.read(body, order) != rust::OrderError::none) return state.SkipWithError("rust-style refused the order");
    benchmark::DoNotOptimize(order.items.data());
  }
  allocations.report(state);
  count_bytes(state, body.size());
}
BENCHMARK(BM_ParseOrder_RustTyped)->Apply(bench::order_sizes);

void BM_ParseOrder_NlohmannDom(benchmark::State& state) {
  const std::string body = body_for(state);
  AllocationCounter allocations;
  for (auto _ : state) {
    nlohmann::json doc = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return state.SkipWithError("nlohmann refused the order");
    benchmark::DoNotOptimize(doc);
  }
  allocations.report(state);
  count_bytes(state, body.size());
}
BENCHMARK(BM_ParseOrder_NlohmannDom)->Apply(bench::order_sizes);

// The order's total as rust-style's reader sees it, to check the SAX handler's.
std::uint64_t total_cents(const std::string& body) {
  rust::OrderReader reader;
  rust::Order order;
  reader.read(body, order);
  std::uint64_t total = 0;
  for (const rust::OrderLine& line : order.items) total += static_cast<std::uint64_t>(line.qty * line.price_cents);
  return total;
}

void BM_ParseOrder_NlohmannSax(benchmark::State& state) {
  const std::string body = body_for(state);
  OrderTotalSax check;
  nlohmann::json::sax_parse(body, &check);
  if (check.total_cents != total_cents(body)) return state.SkipWithError("the SAX handler added up a wrong total");
  AllocationCounter allocations;
  for (auto _ : state) {
    OrderTotalSax sax;
    if (!nlohmann::json::sax_parse(body, &sax)) return state.SkipWithError("nlohmann SAX refused the order");
    benchmark::DoNotOptimize(sax.total_cents);
  }
  allocations.report(state);
  count_bytes(state, body.size());
}
BENCHMARK(BM_ParseOrder_NlohmannSax)->Apply(bench::order_sizes);

void BM_ParseOrder_GoDecode(benchmark::State& state) {
  const std::string body = body_for(state);
  AllocationCounter allocations;
  for (auto _ : state) {
    auto decoded = gostyle::decode_order(body);
    if (!std::holds_alternative<gostyle::Order>(decoded)) return state.SkipWithError("go-style refused the order");
    benchmark::DoNotOptimize(decoded);
  }
  allocations.report(state);
  count_bytes(state, body.size());
}
BENCHMARK(BM_ParseOrder_GoDecode)->Apply(bench::order_sizes);

gostyle::Order go_order(const std::string& body) { return std::get<gostyle::Order>(gostyle::decode_order(body)); }

void BM_WriteReceipt_RustTyped(benchmark::State& state) {
  const std::string body = body_for(state);
  rust::OrderReader reader;
  rust::Order order;
  reader.read(body, order);
  std::string out;
  rust::append_receipt(out, kOrderId, order);  // the per-connection scratch has grown once
  AllocationCounter allocations;
  for (auto _ : state) {
    out.clear();
    rust::append_receipt(out, kOrderId, order);
    benchmark::DoNotOptimize(out.data());
  }
  allocations.report(state);
  count_bytes(state, out.size());
}
BENCHMARK(BM_WriteReceipt_RustTyped)->Apply(bench::order_sizes);

// nlohmann's serializer alone: the receipt DOM is built before the loop.
void BM_WriteReceipt_NlohmannDump(benchmark::State& state) {
  const auto receipt = nlohmann::ordered_json::parse(gostyle::encode_receipt(kOrderId, go_order(body_for(state))));
  std::size_t size = 0;
  AllocationCounter allocations;
  for (auto _ : state) {
    std::string out = receipt.dump();
    size = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  allocations.report(state);
  count_bytes(state, size);
}
BENCHMARK(BM_WriteReceipt_NlohmannDump)->Apply(bench::order_sizes);

void BM_WriteReceipt_GoEncode(benchmark::State& state) {
  const gostyle::Order order = go_order(body_for(state));
  std::size_t size = 0;
  AllocationCounter allocations;
  for (auto _ : state) {
    std::string out = gostyle::encode_receipt(kOrderId, order);
    size = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  allocations.report(state);
  count_bytes(state, size);
}
BENCHMARK(BM_WriteReceipt_GoEncode)->Apply(bench::order_sizes);

// rust-style from request bytes to response bytes: parse, route, handle,
// serialize, frame; the batch and scratch are reused as a connection reuses them.
void BM_Request_RustStyle(benchmark::State& state, std::string request) {
  rust::ServerState server(apibench::contract::default_server_options());
  rust::Handlers handlers(server);
  rust::RequestHead head;
  rust::OutputBatch batch;
  std::string scratch;
  const std::span<char> input(request.data(), request.size());
  auto serve_once = [&] {
    const bench::RustParsed parsed = bench::rust_style_parse(input, head, server.options());
    rust::ResponseWriter out(batch, scratch, {head.keep_alive, head.http10, false});
    handlers.handle(rust::Request{parsed.routed.method, parsed.routed.match, &head, parsed.body}, out);
    benchmark::DoNotOptimize(batch.bytes().data());
    batch.clear();
    return parsed.consumed != 0 && out.status() < 300;
  };
  if (!serve_once()) return state.SkipWithError("rust-style did not answer with success");
  AllocationCounter allocations;
  for (auto _ : state) serve_once();
  allocations.report(state);
  state.SetItemsProcessed(state.iterations());
  count_bytes(state, request.size());
}
BENCHMARK_CAPTURE(BM_Request_RustStyle, json, std::string(bench::kWrkGetJson));
BENCHMARK_CAPTURE(BM_Request_RustStyle, orders_10, bench::post_orders_request(bench::order_body(10)));

// go-style from request bytes to response bytes: Beast parser, App::serve in a
// task, the common headers, and the bytes http::async_write would send.
void BM_Request_GoStyle(benchmark::State& state, std::string request) {
  const auto options = apibench::contract::default_server_options();
  bench::run_in_task([&](gort::Runtime& runtime, gort::Yield yield) {
    gostyle::Metrics metrics;
    gostyle::App app(options, runtime.blocking(), metrics);
    std::string wire;
    auto serve_once = [&] {
      gohttp::RequestParser parser;
      const bool parsed = bench::go_style_parse(request, parser) != 0;
      gohttp::Request message = parser.release();
      gohttp::Response response = app.serve(message, yield);
      gohttp::finish_response(response, message.version() == 10 ? 10 : 11, !message.keep_alive());
      wire.clear();
      bench::append_wire_bytes(response, wire);
      return parsed && response.result_int() < 300;
    };
    if (!serve_once()) return state.SkipWithError("go-style did not answer with success");
    AllocationCounter allocations;
    for (auto _ : state) serve_once();
    allocations.report(state);
    state.SetItemsProcessed(state.iterations());
    count_bytes(state, request.size());
  });
}
BENCHMARK_CAPTURE(BM_Request_GoStyle, json, std::string(bench::kWrkGetJson));
BENCHMARK_CAPTURE(BM_Request_GoStyle, orders_10, bench::post_orders_request(bench::order_body(10)));

}  // namespace

// main: bench_main.cpp (Google Benchmark's, with the build context)
