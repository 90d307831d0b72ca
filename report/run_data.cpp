#include "report/run_data.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace apibench::report {
namespace {

void add_once(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

const char* status_name(CellStatus status) {
  switch (status) {
    case CellStatus::ok:
      return "ok";
    case CellStatus::skipped:
      return "skipped";
    case CellStatus::failed:
      return "failed";
  }
  return "failed";
}

std::vector<double> second_p99s(const std::vector<TimelineSecond>& timeline) {
  std::vector<double> out;
  for (const auto& s : timeline) out.push_back(s.p99_us);
  return out;
}

std::optional<double> RepetitionData::value(Metric m) const {
  switch (m) {
    case Metric::requests_per_second:
      return requests_per_second;
    case Metric::p50_us:
      return p50_us;
    case Metric::p99_us:
      return p99_us;
    case Metric::p999_us:
      return p999_us;
    case Metric::max_us:
      return max_us;
    case Metric::cpu_us_per_request:
      return cpu_us_per_request;
    case Metric::rss_peak_mib:
      return rss_peak_mib;
    case Metric::allocations_per_request:
      return allocations_per_request;
  }
  return std::nullopt;
}

bool CellData::background() const {
  return std::any_of(repetitions.begin(), repetitions.end(), [](const RepetitionData& r) { return r.background; });
}

std::vector<double> CellData::values(Metric m) const {
  std::vector<double> out;
  for (const auto& r : repetitions) {
    if (auto v = r.value(m)) out.push_back(*v);
  }
  return out;
}

std::uint64_t CellData::total_requests() const {
  std::uint64_t n = 0;
  for (const auto& r : repetitions) n += r.requests;
  return n;
}

std::uint64_t CellData::total_errors() const {
  std::uint64_t n = 0;
  for (const auto& r : repetitions) n += r.errors;
  return n;
}

std::vector<std::string> redone_window_notes(const RunData& run) {
  std::vector<std::string> cells;
  std::size_t redone = 0, kept = 0;
  for (const auto& c : run.cells) {
    kept += c.repetitions.size();
    redone += c.redone_reasons.size();
    if (c.redone_reasons.empty()) continue;
    std::string why;
    for (const auto& r : c.redone_reasons) why += (why.empty() ? "" : "; ") + r;
    cells.push_back(fmt::format("{} {} c={}: {} measured again ({})", c.server, c.workload, c.connections,
                                c.redone_reasons.size(), why));
  }
  if (redone == 0) return {};
  std::vector<std::string> notes{fmt::format(
      "{} of {} measured windows were measured again because other processes or the hypervisor took the "
      "measured CPUs past the runner's limits (runner/cpu_noise.hpp); the kept windows are the ones tabulated",
      redone, redone + kept)};
  notes.insert(notes.end(), cells.begin(), cells.end());
  return notes;
}

std::vector<std::string> RunData::workloads() const {
  std::vector<std::string> names;
  for (const auto& c : cells) add_once(names, c.workload);
  return names;
}

std::vector<std::string> RunData::servers() const {
  std::vector<std::string> names;
  for (const auto& c : cells) add_once(names, c.server);
  return names;
}

std::vector<const CellData*> RunData::measured_cells(const std::string& workload) const {
  std::vector<const CellData*> out;
  for (const auto& c : cells) {
    if (c.workload == workload && c.measured()) out.push_back(&c);
  }
  return out;
}

std::vector<const CellData*> RunData::sweep_cells(const std::string& workload) const {
  std::vector<const CellData*> out;
  for (const auto& c : cells) {
    if (c.workload == workload && c.ok() && c.sweep) out.push_back(&c);
  }
  return out;
}

const CellData* RunData::find(const std::string& server, const std::string& workload, unsigned connections) const {
  for (const auto& c : cells) {
    if (c.server == server && c.workload == workload && (connections == 0 || c.connections == connections)) return &c;
  }
  return nullptr;
}

}  // namespace apibench::report
