#include "report/micro_render.hpp"

#include <fmt/format.h>

#include "report/html.hpp"
#include "report/html_escape.hpp"
#include "report/html_style.hpp"
#include "report/markdown.hpp"
#include "report/micro_tables.hpp"

namespace apibench::report {
namespace {

constexpr const char* kTitle = "apibench micro-benchmarks";
constexpr const char* kHowToRead =
    "Median real time per operation over the repetitions, in ns; cv is the coefficient of variation over "
    "them (a cv above a few % means a busy machine); allocs/op counts operator new calls per operation on "
    "the benchmark's own threads; throughput is bytes or items per second. bench/README.md says what each "
    "benchmark measures.";

std::string topic_heading(const MicroTopic& topic) { return fmt::format("{} (bm_{})", topic.topic, topic.topic); }

}  // namespace

std::string render_micro_markdown(const MicroRun& run) {
  std::string out = fmt::format("# {}: {}\n\n{}\n\n## Environment\n\n{}", kTitle, run.dir.filename().string(),
                                kHowToRead, render_markdown_table(micro_context_table(run)));
  for (const MicroTopic& topic : run.topics) {
    out += fmt::format("## {}\n\n{}", topic_heading(topic), render_markdown_table(micro_topic_table(topic)));
  }
  return out;
}

std::string render_micro_html(const MicroRun& run) {
  std::string toc = "<nav><ul><li><a href=\"#environment\">Environment</a></li>";
  std::string body = "<section id=\"environment\"><h2>Environment</h2>\n" +
                     render_html_table(micro_context_table(run), "environment") + "</section>\n";
  for (const MicroTopic& topic : run.topics) {
    const std::string id = "topic-" + html_escape(topic.topic);
    toc += fmt::format("<li><a href=\"#{}\">{}</a></li>", id, html_escape(topic_heading(topic)));
    body += fmt::format("<section id=\"{}\"><h2>{}</h2>\n{}</section>\n", id, html_escape(topic_heading(topic)),
                        render_html_table(micro_topic_table(topic)));
  }
  toc += "</ul></nav>\n";
  const std::string title = std::string(kTitle) + ": " + run.dir.filename().string();
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{0}</title>\n"
      "<style>{1}</style>\n</head>\n<body>\n<main>\n<h1>{0}</h1>\n<p class=\"meta\">{2}</p>\n{3}{4}</main>\n"
      "</body>\n</html>\n",
      html_escape(title), kReportCss, html_escape(kHowToRead), toc, body);
}

}  // namespace apibench::report
