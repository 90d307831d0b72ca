#include "report/micro_report.hpp"

#include "report/micro_data.hpp"
#include "report/micro_render.hpp"
#include "runner/results.hpp"

namespace apibench::report {

ReportOutcome write_micro_reports(const std::filesystem::path& dir) {
  const MicroRun run = load_micro_run(dir);
  ReportOutcome outcome;
  if (run.topics.empty()) outcome.notes.push_back("no micro/*.json in " + dir.string());
  auto write = [&](const char* name, const std::string& text) {
    runner::write_file_atomically(dir / name, text);
    outcome.written.push_back(dir / name);
  };
  write("report.md", render_micro_markdown(run));
  write("report.html", render_micro_html(run));
  return outcome;
}

}  // namespace apibench::report
