#include "report/html.hpp"

#include <array>
#include <fmt/format.h>

#include "report/chart_plan.hpp"
#include "report/html_escape.hpp"
#include "report/html_style.hpp"
#include "report/tables.hpp"

namespace apibench::report {
namespace {

std::string render_table(const Table& t, const std::string& css_class = "") {
  std::string out = css_class.empty() ? "<div class=\"scroll\"><table>"
                                      : fmt::format("<div class=\"scroll\"><table class=\"{}\">", css_class);
  out += "<thead><tr>";
  for (std::size_t i = 0; i < t.header.size(); ++i) {
    out += (t.numeric[i] ? "<th class=\"num\">" : "<th>") + html_escape(t.header[i]) + "</th>";
  }
  out += "</tr></thead><tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) {
      const bool flag = t.header[i] == "noisy" && !row[i].empty();
      out += (flag ? "<td class=\"flag\">" : t.numeric[i] ? "<td class=\"num\">" : "<td>") + html_escape(row[i]) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string render_figures(const Figures& figures, const std::string& section) {
  std::string out;
  for (const auto& f : figures.list) {
    if (f.section != section) continue;
    out += "<figure>";
    out += f.svg.empty() ? fmt::format("<p class=\"chart-error\">Not drawn: {}</p>", html_escape(f.error)) : f.svg;
    out += fmt::format("<figcaption>{}</figcaption></figure>\n", html_escape(f.caption));
  }
  return out.empty() ? "" : "<div class=\"charts\">\n" + out + "</div>\n";
}

std::string section(const std::string& id, const std::string& title, const std::string& body) {
  return fmt::format("<section id=\"{}\"><h2>{}</h2>\n{}</section>\n", id, html_escape(title), body);
}

std::string banners(const RunData& run, const Figures& figures) {
  std::string out;
  if (!run.complete) {
    out += "<p class=\"banner interrupted\">Interrupted run (\"complete\": false): the run was stopped before it "
           "finished; only the cells below were measured.</p>\n";
  }
  if (!figures.unavailable.empty()) {
    out += fmt::format("<p class=\"banner notice\">Charts need gnuplot: {}. The tables below are complete.</p>\n",
                       html_escape(figures.unavailable));
  }
  return out;
}

std::string html_list(const std::vector<std::string>& items) {
  std::string out = "<ul class=\"warnings\">\n";
  for (const auto& w : items) out += fmt::format("<li>{}</li>\n", html_escape(w));
  return out + "</ul>\n";
}

// Sections in page order: (anchor, title, body). Workload anchors are numbered because
// names from run.json may hold any character.
std::vector<std::array<std::string, 3>> sections(const RunData& run, const Figures& figures) {
  std::vector<std::array<std::string, 3>> out;
  out.push_back({"environment", "Environment", render_table(environment_table(run), "environment")});
  if (!run.warnings.empty()) out.push_back({"warnings", "Warnings", html_list(run.warnings)});
  if (const auto notes = redone_window_notes(run); !notes.empty()) {
    out.push_back({"redone", "Windows measured again", html_list(notes)});
  }
  const auto workloads = run.workloads();
  for (std::size_t i = 0; i < workloads.size(); ++i) {
    Table t = workload_table(run, workloads[i]);
    if (t.rows.empty()) t = sweep_table(run, workloads[i]);
    if (t.rows.empty()) continue;
    out.push_back({fmt::format("workload-{}", i + 1), "Workload " + workloads[i],
                   render_table(t) + render_figures(figures, workloads[i])});
  }
  if (Table t = idle_table(run); !t.rows.empty()) {
    out.push_back({"idle", "Idle connections", render_table(t) + render_figures(figures, kIdleSection)});
  }
  if (Table t = problem_table(run); !t.rows.empty()) out.push_back({"problems", "Skipped and failed cells", render_table(t)});
  return out;
}

std::string notes(const Figures& figures) {
  std::string out = "<p class=\"footnote\">Latencies in microseconds are medians over the repetitions; \"noisy\" marks "
                    "cells whose requests/s spread exceeds 10% of the median. Rebuild this page with "
                    "<code>apibench report DIR</code>.</p>\n";
  for (const auto& n : figures.notes) out += fmt::format("<p class=\"footnote\">{}</p>\n", html_escape(n));
  return out;
}

}  // namespace

std::string render_html_table(const Table& t, const std::string& css_class) { return render_table(t, css_class); }

std::string render_html(const RunData& run, const Figures& figures) {
  const auto parts = sections(run, figures);
  std::string toc = "<nav><ul>";
  std::string body;
  for (const auto& [id, title, content] : parts) {
    toc += fmt::format("<li><a href=\"#{}\">{}</a></li>", id, html_escape(title));
    body += section(id, title, content);
  }
  toc += "</ul></nav>\n";
  std::string title = "apibench run: " + run.suite;
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>{1}</style>\n</head>\n<body>\n<main>\n<h1>{0}</h1>\n<p class=\"meta\">{2} to {3} (UTC), commit {4}</p>\n"
      "{5}{6}{7}{8}</main>\n</body>\n</html>\n",
      html_escape(title), kReportCss, html_escape(run.started), html_escape(run.finished),
      html_escape(run.environment.build.commit), banners(run, figures),
      toc, body, notes(figures));
}

}  // namespace apibench::report
