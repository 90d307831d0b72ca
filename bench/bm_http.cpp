// HTTP/1.1 framing inside each design, without sockets or handlers: parsing
// the requests a load generator and a browser send (and a pipelined batch)
// with each server's parser path, and building a response with the headers
// every response carries. rust-style's parser returns views into the input;
// go-style uses Beast's request_parser, which copies the head into fields.
#include <span>
#include <string>
#include <string_view>

#include <benchmark/benchmark.h>

#include "alloc_counting.hpp"
#include "beast_bytes.hpp"
#include "contract/responses.hpp"
#include "contract/server_options.hpp"
#include "http/replies.hpp"
#include "order_bodies.hpp"
#include "output_batch.hpp"
#include "parse_paths.hpp"
#include "requests.hpp"
#include "response_writer.hpp"

namespace {

namespace bench = apibench::bench;
namespace contract = apibench::contract;
namespace rust = apibench::rust_style;
using bench::AllocationCounter;

constexpr std::size_t kPipelineDepth = 16;

void count_requests(benchmark::State& state, std::size_t bytes, std::size_t requests) {
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(requests));
}

// input holds `requests` whole requests back to back; each is parsed in turn.
void BM_Parse_RustStyle(benchmark::State& state, std::string input, std::size_t requests) {
  const contract::ServerOptions options = contract::default_server_options();
  const std::span<char> bytes(input.data(), input.size());
  rust::RequestHead head;
  AllocationCounter allocations;
  for (auto _ : state) {
    std::size_t offset = 0;
    for (std::size_t i = 0; i < requests; ++i) {
      const bench::RustParsed parsed = bench::rust_style_parse(bytes.subspan(offset), head, options);
      if (parsed.consumed == 0) return state.SkipWithError("rust-style refused a request");
      benchmark::DoNotOptimize(parsed.body.data());
      offset += parsed.consumed;
    }
  }
  allocations.report(state);
  count_requests(state, input.size(), requests);
}

void BM_Parse_GoStyle(benchmark::State& state, std::string input, std::size_t requests) {
  const std::string_view bytes = input;
  AllocationCounter allocations;
  for (auto _ : state) {
    std::size_t offset = 0;
    for (std::size_t i = 0; i < requests; ++i) {
      gohttp::RequestParser parser;
      const std::size_t used = bench::go_style_parse(bytes.substr(offset), parser);
      if (used == 0) return state.SkipWithError("go-style refused a request");
      gohttp::Request request = parser.release();
      benchmark::DoNotOptimize(request.body().data());
      offset += used;
    }
  }
  allocations.report(state);
  count_requests(state, input.size(), requests);
}

#define APIBENCH_PARSE_CASES(fn)                                                                    \
  BENCHMARK_CAPTURE(fn, wrk_get, std::string(bench::kWrkGetJson), 1);                               \
  BENCHMARK_CAPTURE(fn, browser_get, std::string(bench::kBrowserGetJson), 1);                       \
  BENCHMARK_CAPTURE(fn, post_orders_10, bench::post_orders_request(bench::order_body(10)), 1);      \
  BENCHMARK_CAPTURE(fn, pipelined_16_gets, bench::pipelined(bench::kWrkGetJson, kPipelineDepth), \
                    kPipelineDepth)

APIBENCH_PARSE_CASES(BM_Parse_RustStyle);
APIBENCH_PARSE_CASES(BM_Parse_GoStyle);

// A 200 text/plain "Hello, World!" with Server, Date, Content-Type and
// Content-Length, appended to the connection's reused output batch.
void BM_Response_RustStyle(benchmark::State& state) {
  rust::OutputBatch batch;
  std::string scratch;
  auto build = [&] {
    rust::ResponseWriter out(batch, scratch, {});
    out.send(200, contract::kContentTypeText, contract::kPlaintextBody);
    benchmark::DoNotOptimize(batch.bytes().data());
    const std::size_t size = batch.bytes().size();
    batch.clear();
    return size;
  };
  const std::size_t size = build();  // the batch has grown to its working size
  AllocationCounter allocations;
  for (auto _ : state) build();
  allocations.report(state);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_Response_RustStyle);

// The same response as a Beast message (net/http's way: headers in a map),
// then the bytes its serializer sends.
void BM_Response_GoStyle(benchmark::State& state) {
  std::string wire;
  auto build = [&] {
    gohttp::Response response = gohttp::reply(200, contract::kContentTypeText, std::string(contract::kPlaintextBody));
    gohttp::finish_response(response, 11, false);
    wire.clear();
    bench::append_wire_bytes(response, wire);
    return wire.size();
  };
  const std::size_t size = build();
  AllocationCounter allocations;
  for (auto _ : state) build();
  allocations.report(state);
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(size));
}
BENCHMARK(BM_Response_GoStyle);

}  // namespace

// main: bench_main.cpp (Google Benchmark's, with the build context)
