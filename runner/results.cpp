#include "runner/results.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <fmt/format.h>
#include <stdexcept>

#include "histogram/hgrm.hpp"
#include "histogram/histogram_json.hpp"

namespace apibench::runner {
namespace fs = std::filesystem;
namespace {

double us(std::uint64_t ns) { return static_cast<double>(ns) / 1e3; }

nlohmann::json latency_json(const LatencyHistogram& h) {
  return {{"count", h.count()},
          {"mean_us", h.mean() / 1e3},
          {"p50_us", us(h.value_at_percentile(50))},
          {"p75_us", us(h.value_at_percentile(75))},
          {"p90_us", us(h.value_at_percentile(90))},
          {"p99_us", us(h.value_at_percentile(99))},
          {"p999_us", us(h.value_at_percentile(99.9))},
          {"p9999_us", us(h.value_at_percentile(99.99))},
          {"max_us", us(h.max())}};
}

nlohmann::json timeline_json(const std::vector<loadgen::SecondSample>& timeline) {
  nlohmann::json seconds = nlohmann::json::array();
  for (const auto& s : timeline) seconds.push_back({{"requests", s.requests}, {"errors", s.errors}, {"p99_us", us(s.p99_ns)}});
  return seconds;
}

nlohmann::json errors_json(const loadgen::ErrorCounts& e) {
  return {{"connect", e.connect}, {"read", e.read}, {"write", e.write}, {"timeout", e.timeout},
          {"bad_response", e.bad_response}};
}

nlohmann::json background_json(const loadgen::LoadResult& b) {
  return {{"requests", b.requests},
          {"requests_per_second", b.requests_per_second()},
          {"latency", latency_json(b.latency)},
          {"errors", errors_json(b.errors)},
          {"status_classes", b.status_classes}};
}

nlohmann::json repetition_json(const Repetition& r, const std::string& histogram_stem) {
  nlohmann::json j = {{"started", utc_timestamp_ms(r.started)},
          {"round", r.round},
          {"noise",
           {{"steal", r.noise.steal},
            {"others_on_server_cpus", r.noise.others_on_server_cpus},
            {"others_on_load_cpus", r.noise.others_on_load_cpus}}},
          {"requests", r.load.requests},
          {"histogram", histogram_stem + ".json"},
          {"hgrm", histogram_stem + ".hgrm"},
          {"timeline", timeline_json(r.load.timeline)},
          {"elapsed_s", std::chrono::duration<double>(r.load.elapsed).count()},
          {"requests_per_second", r.load.requests_per_second()},
          {"latency", latency_json(r.load.latency)},
          {"errors", errors_json(r.load.errors)},
          {"status_classes", r.load.status_classes},
          {"server",
           {{"cpu_seconds", r.server.cpu_seconds},
            {"cpu_us_per_request", r.server.cpu_us_per_request},
            {"rss_peak_bytes", r.server.rss_peak_bytes},
            {"rss_mean_bytes", r.server.rss_mean_bytes},
            {"threads", r.server.threads},
            {"allocations_per_request",
             r.server.allocations_per_request ? nlohmann::json(*r.server.allocations_per_request) : nlohmann::json()},
            {"voluntary_switches", r.server.voluntary_switches},
            {"involuntary_switches", r.server.involuntary_switches}}}};
  if (r.background) j["background"] = background_json(*r.background);
  // Open loop: "latency" runs from each request's intended send time (it counts the
  // queueing a stall causes); the service time from its actual send is kept beside it.
  if (r.load.open_loop) j["service_time"] = latency_json(r.load.service_time);
  return j;
}

nlohmann::json attempt_json(const loadgen::LoadResult& result, bool met, const char* verdict) {
  return {{"requests_per_second", result.requests_per_second()},
          {"latency", latency_json(result.latency)},
          {"verdict", verdict},
          {"met", met},
          {"timeline", timeline_json(result.timeline)}};
}

// The step's own fields are its final attempt's; "attempts" lists every run of its
// rate, the one that missed first when it was re-run.
nlohmann::json step_json(const loadgen::SweepStep& step) {
  nlohmann::json j = attempt_json(step.result, step.met, step.verdict);
  j["rate"] = step.rate;
  j["attempts"] = nlohmann::json::array();
  if (step.first_attempt) {
    const auto& first = *step.first_attempt;
    j["attempts"].push_back(attempt_json(first.result, first.met, first.verdict));
  }
  j["attempts"].push_back(attempt_json(step.result, step.met, step.met ? "met" : step.verdict));
  return j;
}

nlohmann::json sweep_json(const loadgen::SweepResult& s) {
  nlohmann::json steps = nlohmann::json::array();
  for (const auto& step : s.steps) steps.push_back(step_json(step));
  return {{"probe_requests_per_second", s.probe_requests_per_second},
          {"max_rate", s.max_rate ? nlohmann::json(*s.max_rate) : nlohmann::json()},
          {"steps", steps}};
}

nlohmann::json open_loop_json(const OpenLoopRecord& o) {
  nlohmann::json j = {{"fraction_of_max", o.fraction_of_max},
                      {"probe_requests_per_second", o.probe_requests_per_second},
                      {"probe_p99_us", o.probe_p99_us},
                      {"offered_rate", o.offered_rate}};
  if (!o.max_from.empty()) {
    j["max_from"] = o.max_from;
    j["max_server"] = o.max_server;
    j["max_requests_per_second"] = o.max_requests_per_second;
  }
  return j;
}

nlohmann::json spread_json(const Spread& s) { return {{"median", s.median}, {"min", s.min}, {"max", s.max}}; }

std::uint64_t non_2xx(const loadgen::LoadResult& r) {
  std::uint64_t n = 0;
  for (std::size_t c = 0; c < r.status_classes.size(); ++c) {
    if (c != 2) n += r.status_classes[c];
  }
  return n;
}

std::optional<CellSummary::Background> summarize_background(const CellResult& cell) {
  std::vector<double> rps, p99;
  CellSummary::Background b;
  for (const auto& r : cell.repetitions) {
    if (!r.background) return std::nullopt;
    rps.push_back(r.background->requests_per_second());
    p99.push_back(us(r.background->latency.value_at_percentile(99)));
    b.errors += r.background->errors.total() + non_2xx(*r.background);
  }
  if (rps.empty()) return std::nullopt;
  b.requests_per_second = spread_of(rps);
  b.p99_us = spread_of(p99);
  return b;
}

}  // namespace

void write_file_atomically(const fs::path& path, const std::string& text) {
  fs::path tmp = path;
  tmp += ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp.string() + ": " + std::strerror(errno));
  std::size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      int err = errno;
      ::close(fd);
      ::unlink(tmp.c_str());
      throw std::runtime_error("cannot write " + tmp.string() + ": " + std::strerror(err));
    }
    done += static_cast<std::size_t>(n);
  }
  bool synced = ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!synced || ::rename(tmp.c_str(), path.c_str()) != 0) {
    if (synced) err = errno;
    ::unlink(tmp.c_str());
    throw std::runtime_error("cannot write " + path.string() + ": " + std::strerror(err));
  }
}

std::string utc_timestamp() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}{:02}{:02}T{:02}{:02}{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

std::string utc_timestamp_ms(std::chrono::system_clock::time_point t) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

fs::path create_run_dir(const fs::path& results_root, const std::string& suite) {
  fs::create_directories(results_root);
  std::string base = utc_timestamp() + "-" + suite;
  fs::path dir = results_root / base;
  for (int i = 2; fs::exists(dir); ++i) dir = results_root / fmt::format("{}-{}", base, i);
  fs::create_directory(dir);
  return dir;
}

std::string histogram_stem(const CellResult& cell, std::size_t repetition) {
  return fmt::format("histograms/{}-{}-c{}-r{}", cell.server, cell.workload, cell.connections, repetition + 1);
}

void save_histograms(const fs::path& run_dir, const CellResult& cell) {
  fs::create_directories(run_dir / "histograms");
  for (std::size_t i = 0; i < cell.repetitions.size(); ++i) {
    const LatencyHistogram& h = cell.repetitions[i].load.latency;
    std::string stem = histogram_stem(cell, i);
    write_file_atomically(run_dir / (stem + ".json"), histogram_to_json(h).dump() + "\n");
    write_file_atomically(run_dir / (stem + ".hgrm"), to_hgrm(h));
  }
}

CellSummary summarize(const CellResult& cell) {
  std::vector<double> rps, p50, p99, p999, mx, cpu, rss;
  CellSummary s;
  for (const auto& r : cell.repetitions) {
    const auto& h = r.load.latency;
    rps.push_back(r.load.requests_per_second());
    p50.push_back(us(h.value_at_percentile(50)));
    p99.push_back(us(h.value_at_percentile(99)));
    p999.push_back(us(h.value_at_percentile(99.9)));
    mx.push_back(us(h.max()));
    cpu.push_back(r.server.cpu_us_per_request);
    rss.push_back(static_cast<double>(r.server.rss_peak_bytes) / (1 << 20));
    s.errors += r.load.errors.total() + non_2xx(r.load);
  }
  s.requests_per_second = spread_of(rps);
  s.p50_us = spread_of(p50);
  s.p99_us = spread_of(p99);
  s.p999_us = spread_of(p999);
  s.max_us = spread_of(mx);
  s.cpu_us_per_request = spread_of(cpu);
  s.rss_peak_mib = spread_of(rss);
  s.noisy = s.requests_per_second.relative_range() > kNoisyRelativeRange;
  s.background = summarize_background(cell);
  return s;
}

nlohmann::json to_json(const CellResult& cell) {
  nlohmann::json j = {{"server", cell.server}, {"workload", cell.workload}, {"connections", cell.connections},
                      {"status", cell.ok ? "ok" : cell.skipped ? "skipped" : "failed"}, {"server_exit", cell.server_exit}};
  if (!cell.error.empty()) j["error"] = cell.error;
  if (cell.idle) {
    j["idle"] = {{"asked", cell.idle->asked},
                 {"answered", cell.idle->answered},
                 {"rss_before_bytes", cell.idle->rss_before_bytes},
                 {"rss_after_bytes", cell.idle->rss_after_bytes},
                 {"rss_per_connection_bytes", cell.idle->rss_per_connection_bytes()}};
  }
  if (cell.sweep) j["sweep"] = sweep_json(*cell.sweep);
  if (cell.open_loop) j["open_loop"] = open_loop_json(*cell.open_loop);
  j["added_rounds"] = cell.added_rounds;
  j["undecided"] = cell.undecided;
  j["redone_windows"] = nlohmann::json::array();
  for (const auto& r : cell.redone) j["redone_windows"].push_back({{"round", r.round}, {"reason", r.reason}});
  j["repetitions"] = nlohmann::json::array();
  for (std::size_t i = 0; i < cell.repetitions.size(); ++i) {
    j["repetitions"].push_back(repetition_json(cell.repetitions[i], histogram_stem(cell, i)));
  }
  if (!cell.repetitions.empty()) {
    CellSummary s = summarize(cell);
    j["summary"] = {{"requests_per_second", spread_json(s.requests_per_second)},
                    {"p50_us", spread_json(s.p50_us)},
                    {"p99_us", spread_json(s.p99_us)},
                    {"p999_us", spread_json(s.p999_us)},
                    {"max_us", spread_json(s.max_us)},
                    {"cpu_us_per_request", spread_json(s.cpu_us_per_request)},
                    {"rss_peak_mib", spread_json(s.rss_peak_mib)},
                    {"errors", s.errors},
                    {"noisy", s.noisy}};
    if (s.background) {
      j["summary"]["background"] = {{"requests_per_second", spread_json(s.background->requests_per_second)},
                                    {"p99_us", spread_json(s.background->p99_us)},
                                    {"errors", s.background->errors}};
    }
  }
  return j;
}

}  // namespace apibench::runner
