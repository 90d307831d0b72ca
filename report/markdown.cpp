#include "report/markdown.hpp"

#include <fmt/format.h>

#include "report/tables.hpp"

namespace apibench::report {
namespace {

// A cell must stay on one line, must not end the cell early and must not open an HTML
// tag where the markdown is rendered (a server named "<x&y>").
std::string cell_text(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '|' || ch == '<') out += std::string("\\") + ch;
    else if (ch == '\n' || ch == '\r') out += ' ';
    else out += ch;
  }
  return out;
}

std::string render_table(const Table& t) {
  std::string out = "|";
  for (const auto& h : t.header) out += fmt::format(" {} |", cell_text(h));
  out += "\n|";
  for (std::size_t i = 0; i < t.header.size(); ++i) out += t.numeric[i] ? " ---: |" : " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const auto& cell : row) out += fmt::format(" {} |", cell_text(cell));
    out += "\n";
  }
  return out + "\n";
}

std::string header_section(const RunData& run) {
  std::string out = fmt::format("# apibench run: {}\n\n", cell_text(run.suite));
  if (!run.complete) {
    out += "> **Interrupted run** (`\"complete\": false`): the run was stopped before it finished; "
           "only the cells below were measured.\n\n";
  }
  out += fmt::format("## Environment\n\n{}", render_table(environment_table(run)));
  if (!run.warnings.empty()) {
    out += "## Warnings\n\n";
    for (const auto& w : run.warnings) out += fmt::format("- {}\n", cell_text(w));
    out += "\n";
  }
  if (const auto notes = redone_window_notes(run); !notes.empty()) {
    out += "## Windows measured again\n\n";
    for (const auto& n : notes) out += fmt::format("- {}\n", cell_text(n));
    out += "\n";
  }
  return out;
}

}  // namespace

std::string render_markdown_table(const Table& t) { return render_table(t); }

std::string render_markdown(const RunData& run) {
  std::string out = header_section(run);
  for (const auto& workload : run.workloads()) {
    Table t = workload_table(run, workload);
    if (t.rows.empty()) t = sweep_table(run, workload);
    if (t.rows.empty()) continue;
    out += fmt::format("## Workload {}\n\n", cell_text(workload)) + render_table(t);
  }
  if (Table t = idle_table(run); !t.rows.empty()) out += fmt::format("## Idle connections\n\n{}", render_table(t));
  if (Table t = problem_table(run); !t.rows.empty()) out += fmt::format("## Skipped and failed cells\n\n{}", render_table(t));
  out += "Latencies in microseconds are medians over the repetitions; \"noisy\" marks cells whose requests/s "
         "spread exceeds 10% of the median.\n";
  return out;
}

}  // namespace apibench::report
