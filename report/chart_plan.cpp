#include "report/chart_plan.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <functional>

#include "report/cell_latency.hpp"

namespace apibench::report {
namespace {

// Tableau 10: distinguishable, and the same server keeps its colour in every chart.
constexpr const char* kPalette[] = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                                    "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

// The measured cells of one workload, with the servers and connection counts they span.
struct WorkloadCells {
  std::string workload;
  std::vector<const CellData*> cells;
  std::vector<std::string> servers;
  std::vector<unsigned> connections;

  const CellData* find(const std::string& server, unsigned conns) const {
    for (const CellData* c : cells) {
      if (c->server == server && c->connections == conns) return c;
    }
    return nullptr;
  }
};

bool has_data(const std::variant<BarChart, LineChart>& chart) {
  if (const auto* bars = std::get_if<BarChart>(&chart)) return !bars->series.empty() && !bars->groups.empty();
  const auto& lines = std::get<LineChart>(chart).series;
  return std::any_of(lines.begin(), lines.end(), [](const LineSeries& s) { return !s.points.empty(); });
}

std::string idle_group(const CellData& c) { return fmt::format("{} ({} connections)", c.workload, c.connections); }

WorkloadCells gather(const RunData& run, const std::string& workload) {
  WorkloadCells w{workload, run.measured_cells(workload), {}, {}};
  for (const auto& name : run.servers()) {
    if (std::any_of(w.cells.begin(), w.cells.end(), [&](const CellData* c) { return c->server == name; })) {
      w.servers.push_back(name);
    }
  }
  for (const CellData* c : w.cells) w.connections.push_back(c->connections);
  std::sort(w.connections.begin(), w.connections.end());
  w.connections.erase(std::unique(w.connections.begin(), w.connections.end()), w.connections.end());
  return w;
}

class Planner {
 public:
  explicit Planner(const RunData& run) : run_(run), servers_(run.servers()) {}

  ChartPlan plan() {
    for (const auto& workload : run_.workloads()) {
      WorkloadCells w = gather(run_, workload);
      if (!w.cells.empty()) plan_workload(w);
      add(workload, "p99 latency per second through the sweep", sweep_timeline(workload));
    }
    plan_idle();
    return std::move(plan_);
  }

 private:
  using Metric = std::function<Spread(const CellSummaryData&)>;

  std::string color(const std::string& server) const {
    auto at = std::find(servers_.begin(), servers_.end(), server) - servers_.begin();
    return kPalette[static_cast<std::size_t>(at) % std::size(kPalette)];
  }

  // gnuplot refuses a plot with nothing in it; a chart without data is left out.
  void add(const std::string& section, std::string caption, std::variant<BarChart, LineChart> chart) {
    if (!has_data(chart)) return;
    plan_.charts.push_back({section, std::move(caption), std::move(chart)});
  }

  void plan_workload(const WorkloadCells& w) {
    add(w.workload, "Requests per second (median, bars from min to max)",
        bars(w, "requests/s", [](const CellSummaryData& s) { return s.requests_per_second; }));
    if (w.connections.size() > 1) {
      add(w.workload, "Requests per second by connections",
          scaling(w, "requests/s", [](const CellSummaryData& s) { return s.requests_per_second; }));
      add(w.workload, "p99 latency by connections",
          scaling(w, "p99 us", [](const CellSummaryData& s) { return s.p99_us; }));
    }
    for (unsigned conns : w.connections) {
      add(w.workload, fmt::format("Latency by percentile, {} connections", conns), spectrum(w, conns));
    }
    for (unsigned conns : w.connections) {
      add(w.workload, fmt::format("p99 latency per second, {} connections", conns), timeline(w, conns));
    }
    add(w.workload, "Server CPU time per request (median, min-max)",
        bars(w, "CPU us/request", [](const CellSummaryData& s) { return s.cpu_us_per_request; }));
    add(w.workload, "Server peak RSS (median, min-max)",
        bars(w, "peak RSS MiB", [](const CellSummaryData& s) { return s.rss_peak_mib; }));
  }

  BarChart bars(const WorkloadCells& w, const std::string& ylabel, const Metric& metric) const {
    BarChart chart{fmt::format("{}: {}", w.workload, ylabel), ylabel, {}, {}, true};
    for (unsigned conns : w.connections) chart.groups.push_back(fmt::format("{} connections", conns));
    for (const auto& server : w.servers) {
      BarSeries series{server, color(server), {}};
      for (unsigned conns : w.connections) {
        const CellData* c = w.find(server, conns);
        series.values.push_back(c ? std::optional<Spread>(metric(*c->summary)) : std::nullopt);
      }
      chart.series.push_back(std::move(series));
    }
    return chart;
  }

  LineChart spectrum(const WorkloadCells& w, unsigned conns) {
    LineChart chart{fmt::format("{}, {} connections: latency by percentile", w.workload, conns), "percentile",
                    "latency us", XScale::percentile_tail, {}};
    for (const auto& server : w.servers) {
      const CellData* c = w.find(server, conns);
      if (!c) continue;
      std::string error;
      auto histogram = merged_latency(run_, *c, error);
      if (!histogram) {
        plan_.notes.push_back(fmt::format("no latency spectrum for {} {} c={}: {}", server, w.workload, conns, error));
        continue;
      }
      LineSeries series{server, color(server), {}, true};
      for (const auto& p : percentile_spectrum(*histogram)) series.points.push_back({p.inverse_tail, p.latency_us, {}});
      chart.series.push_back(std::move(series));
    }
    return chart;
  }

  LineChart timeline(const WorkloadCells& w, unsigned conns) const {
    LineChart chart{fmt::format("{}, {} connections: p99 per second, one line per repetition", w.workload, conns),
                    "second of the measured window", "p99 latency us", XScale::seconds, {}};
    for (const auto& server : w.servers) {
      const CellData* c = w.find(server, conns);
      if (!c) continue;
      for (std::size_t r = 0; r < c->repetitions.size(); ++r) {
        LineSeries series{server, color(server), {}, r == 0};
        const auto& seconds = c->repetitions[r].timeline;
        for (std::size_t i = 0; i < seconds.size(); ++i) {
          series.points.push_back({static_cast<double>(i + 1), seconds[i].p99_us, {}});
        }
        if (!series.points.empty()) chart.series.push_back(std::move(series));
      }
    }
    return chart;
  }

  // The steps' timelines end to end: where p99 starts to climb as the offered rate rises.
  LineChart sweep_timeline(const std::string& workload) const {
    LineChart chart{fmt::format("{}: p99 per second through the sweep (the offered rate rises every step)", workload),
                    "second of the sweep",
                    "p99 latency us",
                    XScale::seconds,
                    {}};
    for (const CellData* c : run_.sweep_cells(workload)) {
      LineSeries series{fmt::format("{} c={}", c->server, c->connections), color(c->server), {}, true};
      for (const auto& step : c->sweep->steps) {
        for (const auto& second : step.timeline) {
          series.points.push_back({static_cast<double>(series.points.size() + 1), second.p99_us, {}});
        }
      }
      if (!series.points.empty()) chart.series.push_back(std::move(series));
    }
    return chart;
  }

  LineChart scaling(const WorkloadCells& w, const std::string& ylabel, const Metric& metric) const {
    LineChart chart{fmt::format("{}: {} by connections (median, min-max)", w.workload, ylabel), "connections", ylabel,
                    XScale::log2, {}};
    for (const auto& server : w.servers) {
      LineSeries series{server, color(server), {}, true};
      for (unsigned conns : w.connections) {
        if (const CellData* c = w.find(server, conns)) {
          Spread s = metric(*c->summary);
          series.points.push_back({static_cast<double>(conns), s.median, s});
        }
      }
      chart.series.push_back(std::move(series));
    }
    return chart;
  }

  void plan_idle() {
    BarChart chart{"Memory per idle connection", "RSS per connection KiB", {}, {}, false};
    std::vector<const CellData*> idle;
    for (const auto& c : run_.cells) {
      if (c.status == CellStatus::ok && c.idle) idle.push_back(&c);
    }
    if (idle.empty()) return;
    for (const CellData* c : idle) {
      std::string group = idle_group(*c);
      if (std::find(chart.groups.begin(), chart.groups.end(), group) == chart.groups.end()) chart.groups.push_back(group);
    }
    for (const auto& server : servers_) add_idle_series(chart, idle, server);
    add(kIdleSection, "Server RSS growth per idle connection", std::move(chart));
  }

  void add_idle_series(BarChart& chart, const std::vector<const CellData*>& idle, const std::string& server) const {
    BarSeries series{server, color(server), std::vector<std::optional<Spread>>(chart.groups.size())};
    bool any = false;
    for (const CellData* c : idle) {
      if (c->server != server) continue;
      auto at = std::find(chart.groups.begin(), chart.groups.end(), idle_group(*c)) - chart.groups.begin();
      double kib = c->idle->rss_per_connection_bytes / 1024;
      series.values[static_cast<std::size_t>(at)] = Spread{kib, kib, kib};
      any = true;
    }
    if (any) chart.series.push_back(std::move(series));
  }

  const RunData& run_;
  std::vector<std::string> servers_;
  ChartPlan plan_;
};

}  // namespace

ChartPlan plan_charts(const RunData& run) { return Planner(run).plan(); }

}  // namespace apibench::report
