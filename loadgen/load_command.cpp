#include "loadgen/load_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <fmt/format.h>

#include "loadgen/cpu_list.hpp"
#include "loadgen/duration.hpp"
#include "loadgen/live_progress.hpp"
#include "loadgen/load.hpp"
#include "loadgen/load_outputs.hpp"
#include "loadgen/progress_line.hpp"
#include "loadgen/request_builder.hpp"
#include "loadgen/scenario_expand.hpp"
#include "loadgen/summary.hpp"
#include "loadgen/sweep.hpp"
#include "loadgen/url.hpp"

namespace apibench::loadgen {
namespace {

struct LoadOptions {
  std::string url;
  unsigned connections = 64;
  unsigned threads = 1;
  std::string duration;  // empty: 5s, or with -n a bound of 10m
  std::string warmup = "1s";
  std::string connect_timeout = "2s";
  std::string request_timeout = "5s";
  std::optional<double> rate;
  unsigned pipeline = 1;
  IoEngine io = IoEngine::kEpoll;
  std::string method = "GET";
  std::vector<std::string> headers;
  std::string body;
  std::string name;
  std::string scenario;
  std::optional<std::uint64_t> request_count;
  OutputPaths outputs;
  std::string cpus;
  bool sweep = false;
  std::string slo = "10ms";
};

const CLI::Validator kUrl(
    [](std::string& text) {
      const auto parsed = parse_http_url(text);
      return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : std::string();
    },
    "URL");
const CLI::Validator kDuration(
    [](std::string& text) {
      return parse_duration(text) ? std::string() : "invalid duration '" + text + "' (examples: 10s, 500ms, 2m)";
    },
    "DURATION");
const CLI::Validator kCpuList(
    [](std::string& text) { return parse_cpu_list(text) ? std::string() : "invalid CPU list '" + text + "'"; },
    "CPUS");
const CLI::Validator kHeader(
    [](std::string& text) {
      const auto colon = text.find(':');
      const bool ok = colon != std::string::npos && colon > 0 && text.find_first_of("\r\n") == std::string::npos;
      return ok ? std::string() : "invalid header '" + text + "' (expected 'Name: value')";
    },
    "HEADER");
const CLI::Validator kMethod(
    [](std::string& text) {
      const bool ok = !text.empty() && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos;
      return ok ? std::string() : "invalid method '" + text + "' (expected e.g. GET, POST)";
    },
    "METHOD");

void add_options(CLI::App& load, LoadOptions& o) {
  load.add_option("url", o.url, "Target, http://host:port/path")->required()->check(kUrl);
  load.add_option("-c,--connections", o.connections, "Keep-alive connections")->capture_default_str()
      ->check(CLI::Range(1u, 100000u));
  load.add_option("-t,--threads", o.threads, "Generator threads")->capture_default_str()->check(CLI::Range(1u, 256u));
  load.add_option("-d,--duration", o.duration, "Measured duration (default 5s; with -n the longest it may take, default 10m)")
      ->check(kDuration);
  load.add_option("-n,--requests", o.request_count, "Stop after this many responses (instead of a duration)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40));
  load.add_option("--scenario", o.scenario, "Scenario file of weighted requests (docs/loadgen.md); the URL gives the server")
      ->check(CLI::ExistingFile);
  load.add_option("--warmup", o.warmup, "Warm-up before measuring, not counted")->capture_default_str()
      ->check(kDuration);
  load.add_option("--rate", o.rate, "Open loop at this many requests/s in total (default: closed loop)")
      ->check(CLI::PositiveNumber);
  load.add_option("--pipeline", o.pipeline, "Requests in flight per connection")->capture_default_str()
      ->check(CLI::Range(1u, 1024u));
  load.add_option("--io", o.io, "I/O engine: epoll, or uring (io_uring; falls back to epoll if refused)")
      ->transform(CLI::CheckedTransformer(std::map<std::string, IoEngine>{{"epoll", IoEngine::kEpoll},
                                                                           {"uring", IoEngine::kUring}})
                     .description(""))  // the option text names the choices; CLI11 would print the enum mapping
      ->type_name("epoll|uring")
      ->default_str("epoll");
  load.add_option("--connect-timeout", o.connect_timeout, "Connect timeout")->capture_default_str()->check(kDuration);
  load.add_option("--timeout", o.request_timeout, "Request timeout")->capture_default_str()->check(kDuration);
  load.add_option("--method", o.method, "HTTP method")->capture_default_str()->check(kMethod);
  load.add_option("-H,--header", o.headers, "Extra request header 'Name: value' (repeatable)")->check(kHeader);
  load.add_option("--body", o.body, "Request body (sent with Content-Length)");
  load.add_option("--name", o.name, "Endpoint name in reports (default: the path)");
  load.add_option("--json", o.outputs.json, "Write the result as JSON (schema apibench.load/1)");
  load.add_option("--csv", o.outputs.csv, "Write per-endpoint and total percentiles and errors as CSV");
  load.add_option("--hgrm", o.outputs.hgrm, "Write the latency distribution as .hgrm (open loop: also FILE.service.hgrm)");
  load.add_option("--cpus", o.cpus, "Pin generator threads to these CPUs (0,2-3)")->check(kCpuList);
  load.add_flag("--sweep", o.sweep,
                "Open-loop steps of rising rate (each -d long) until p99 passes --slo; reports the highest rate that met it");
  load.add_option("--slo", o.slo, "p99 bound for --sweep")->capture_default_str()->check(kDuration);
}

void print_sweep_row(double rate, const LoadResult& result, std::string_view verdict) {
  fmt::print("{:>12.0f}  {:>12.0f}  {:>10}  {}\n", rate, result.requests_per_second(),
             format_latency(result.latency.value_at_percentile(99)), verdict);
}

int run_sweep_command(const LoadOptions& o, const LoadSpec& spec) {
  SweepSpec sweep;
  sweep.slo = *parse_duration(o.slo);
  sweep.step_duration = spec.duration;
  const SweepResult r = run_sweep(spec, sweep);
  fmt::print("closed-loop probe: {:.0f} requests/s\n{:>12}  {:>12}  {:>10}  {}\n", r.probe_requests_per_second,
             "rate", "delivered", "p99", "verdict");
  for (const auto& s : r.steps) {
    // A re-run step shows both attempts, the miss first, so one stall stays visible.
    if (s.first_attempt) print_sweep_row(s.rate, s.first_attempt->result, fmt::format("{}, re-run", s.first_attempt->verdict));
    print_sweep_row(s.rate, s.result, s.verdict);
  }
  if (!r.max_rate) {
    fmt::print("no step met p99 <= {}\n", o.slo);
    return 1;
  }
  fmt::print("max throughput at p99 <= {}: {:.0f} requests/s\n", o.slo, *r.max_rate);
  return 0;
}

std::chrono::milliseconds duration_of(const LoadOptions& o) {
  if (!o.duration.empty()) return *parse_duration(o.duration);
  return o.request_count ? std::chrono::minutes(10) : std::chrono::seconds(5);
}

// The spec the flags describe, or a one-line reason (a bad scenario file).
std::variant<LoadSpec, std::string> spec_from(const LoadOptions& o) {
  const auto url = std::get<HttpUrl>(parse_http_url(o.url));
  LoadSpec spec;
  spec.host = url.host;
  spec.port = url.port;
  if (o.scenario.empty()) {
    const RequestParts parts{o.method, url.target, url.host_header, o.headers, o.body};
    spec.requests.push_back({o.name.empty() ? url.target : o.name, build_request(parts), 1.0});
  } else if (auto error = apply_scenario_file(o.scenario, url.host_header, spec)) {
    return *error;
  }
  spec.connections = o.connections;
  spec.threads = o.threads;
  spec.duration = duration_of(o);
  spec.request_count = o.request_count;
  spec.warmup = *parse_duration(o.warmup);
  spec.connect_timeout = *parse_duration(o.connect_timeout);
  spec.request_timeout = *parse_duration(o.request_timeout);
  spec.rate = o.rate;
  spec.pipeline = o.pipeline;
  spec.io = o.io;
  if (!o.cpus.empty()) spec.cpus = *parse_cpu_list(o.cpus);
  return spec;
}

// The run, with a progress line on stderr while it goes when stderr is a terminal.
LoadResult run_with_progress(const LoadSpec& spec) {
  LiveProgress live;
  const ProgressLine progress(live, stderr);
  return run_load(spec, &live);
}

int run_command(const LoadOptions& o) {
  auto built = spec_from(o);
  if (const auto* error = std::get_if<std::string>(&built)) {
    fmt::print(stderr, "apibench load: error: {}\n", *error);
    return 2;
  }
  const LoadSpec& spec = std::get<LoadSpec>(built);
  LoadResult result;
  try {
    if (o.sweep) return run_sweep_command(o, spec);
    result = run_with_progress(spec);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "apibench load: error: {}\nRun 'apibench load --help' for usage.\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "apibench load: error: {}\n", e.what());
    return 1;
  }
  fmt::print("{}", format_summary(spec, result, ::isatty(STDOUT_FILENO) == 1));
  const bool written = write_outputs(o.outputs, spec, result);
  if (result.requests == 0) fmt::print(stderr, "apibench load: no responses were received\n");
  return written && result.requests > 0 ? 0 : 1;
}

}  // namespace

void add_load_command(CLI::App& app, std::function<int()>& action) {
  auto options = std::make_shared<LoadOptions>();
  auto* load = app.add_subcommand("load", "Run HTTP load against a URL (closed loop, or open loop with --rate)");
  add_options(*load, *options);
  load->callback([options, &action] { action = [options] { return run_command(*options); }; });
}

}  // namespace apibench::loadgen
