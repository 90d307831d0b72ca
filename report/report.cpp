#include "report/report.hpp"

#include "report/csv.hpp"
#include "report/figures.hpp"
#include "report/html.hpp"
#include "report/markdown.hpp"
#include "report/run_data.hpp"
#include "runner/results.hpp"

namespace apibench::report {
namespace fs = std::filesystem;

ReportOutcome write_reports(const fs::path& run_dir) {
  const RunData run = load_run(run_dir);
  const Figures figures = draw_figures(run);
  ReportOutcome outcome;
  outcome.notes = figures.notes;
  auto write = [&](const char* name, const std::string& text) {
    runner::write_file_atomically(run_dir / name, text);
    outcome.written.push_back(run_dir / name);
  };
  write("report.md", render_markdown(run));
  write("summary.csv", render_csv(run));
  write("report.html", render_html(run, figures));
  return outcome;
}

}  // namespace apibench::report
