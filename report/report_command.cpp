#include "report/report_command.hpp"

#include <fmt/format.h>
#include <memory>

#include "report/micro_data.hpp"
#include "report/micro_report.hpp"
#include "report/report.hpp"

namespace apibench::report {

void add_report_command(CLI::App& app, std::function<int()>& action) {
  auto dir = std::make_shared<std::string>();
  auto* cmd = app.add_subcommand("report", "rebuild report.md, report.html and summary.csv from DIR/run.json "
                                                "(or report.md and report.html from a micro-benchmark folder's micro/*.json)");
  cmd->add_option("DIR", *dir, "a results folder (results/<timestamp>-<suite> or results/<timestamp>-micro)")->required();
  cmd->callback([&action, dir] {
    action = [dir] {
      try {
        ReportOutcome outcome = is_micro_folder(*dir) ? write_micro_reports(*dir) : write_reports(*dir);
        for (const auto& note : outcome.notes) fmt::print(stderr, "note: {}\n", note);
        for (const auto& file : outcome.written) fmt::print("{}\n", file.string());
        return 0;
      } catch (const std::exception& e) {
        fmt::print(stderr, "apibench report: {}\n", e.what());
        return 2;
      }
    };
  });
}

}  // namespace apibench::report
