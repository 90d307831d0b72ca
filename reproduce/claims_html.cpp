#include "reproduce/claims_html.hpp"

#include <fmt/format.h>

#include "report/html_escape.hpp"
#include "report/html_style.hpp"
#include "reproduce/number_format.hpp"

namespace apibench::reproduce {
namespace {

using report::html_escape;

std::string esc(const std::string& text) { return html_escape(text); }

constexpr const char* kClaimsCss = R"css(
.verdict { font-weight: 600; white-space: nowrap; }
.verdict.holds { color: #1a7f37; } .verdict.does-not-hold { color: #cf222e; }
.verdict.inconclusive { color: #9a6700; } .verdict.not-measured { color: #59636e; }
blockquote { margin: .5rem 0; padding: .3rem 1rem; border-left: 4px solid var(--line); color: var(--muted); }
td.note { white-space: normal; color: var(--muted); font-size: .9em; }
)css";

std::string verdict_class(Verdict v) {
  std::string text(verdict_text(v));
  for (char& ch : text) ch = ch == ' ' ? '-' : ch;
  return text;
}

// Cells are markup already: text is escaped where it is put into a row (esc), so a verdict can be a <span>.
std::string table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows) {
  std::string out = "<div class=\"scroll\"><table><thead><tr>";
  for (const auto& h : header) out += "<th>" + html_escape(h) + "</th>";
  out += "</tr></thead><tbody>\n";
  for (const auto& row : rows) {
    out += "<tr>";
    for (const auto& c : row) out += "<td>" + c + "</td>";
    out += "</tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string verdict_span(Verdict v) {
  return fmt::format("<span class=\"verdict {}\">{}</span>", verdict_class(v), verdict_text(v));
}

std::string summary_table(const ClaimsReport& r) {
  std::vector<std::string> header = {"#", "claim"};
  for (const auto& f : r.config.families) header.push_back(family_label(f));
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : r.claims) {
    std::vector<std::string> row = {std::to_string(c.number), esc(c.title)};
    for (const auto& f : r.config.families) row.push_back(esc(c.not_measurable.empty() ? family_summary(c, f.name) : "not measurable"));
    rows.push_back(std::move(row));
  }
  return table(header, rows) + fmt::format("<p>{}.</p>\n<p>{}.</p>\n", esc(tally_text(tally_verdicts(r.claims))),
                                           esc(stability_definition()));
}

std::string claim_tables(const ClaimResult& c, const ReproduceConfig& config) {
  std::vector<std::string> header = {"metric"};
  for (const auto& s : config.servers()) header.push_back(s);
  std::vector<std::vector<std::string>> values, verdicts;
  for (const auto& row : c.rows) {
    std::vector<std::string> cells = {esc(row_label(row))};
    for (const auto& v : row.values) cells.push_back(esc(v.measured() ? value_text(v) : "- (" + v.note + ")"));
    values.push_back(std::move(cells));
    for (const auto& j : row.judgements) {
      verdicts.push_back({esc(row.metric), esc(j.family), esc(j.subject), verdict_span(j.verdict), esc(j.detail),
                          esc(j.stability.text())});
    }
  }
  std::string out = table(header, values);
  if (!verdicts.empty()) out += table({"metric", "family", "compared", "verdict", "evidence", "stability"}, verdicts);
  return out;
}

std::string figures_of(int claim, const std::vector<ClaimFigure>& figures) {
  std::string out;
  for (const auto& f : figures) {
    if (f.claim != claim) continue;
    out += "<figure>" + (f.svg.empty() ? fmt::format("<p class=\"chart-error\">Not drawn: {}</p>", html_escape(f.error)) : f.svg);
    out += fmt::format("<figcaption>{}</figcaption></figure>\n", html_escape(f.caption));
  }
  return out.empty() ? "" : "<div class=\"charts\">\n" + out + "</div>\n";
}

std::string claim_section(const ClaimResult& c, const ClaimsReport& r, const std::vector<ClaimFigure>& figures) {
  std::string body = fmt::format("<blockquote>{}</blockquote>\n<p><strong>Measures:</strong> {}</p>\n"
                                 "<p><strong>Holds when:</strong> {}</p>\n",
                                 html_escape(c.quote), html_escape(c.measures), html_escape(c.criterion));
  body += claim_tables(c, r.config) + figures_of(c.number, figures);
  for (const auto& n : c.notes) body += fmt::format("<p class=\"footnote\">{}</p>\n", html_escape(n));
  return fmt::format("<section id=\"claim-{0}\"><h2>{0}. {1}</h2>\n{2}</section>\n", c.number, html_escape(c.title), body);
}

std::string not_measurable_section(const ClaimsReport& r) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& c : r.claims) {
    if (!c.not_measurable.empty()) rows.push_back({esc(c.title), esc(c.quote), esc(c.not_measurable)});
  }
  return "<section id=\"claim-9\"><h2>9. Claims no benchmark can settle</h2>\n" +
         table({"claim", "the article", "why not measurable"}, rows) + "</section>\n";
}

std::string decomposition_table(const Decomposition& d, const DecompositionPair& p) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < p.rows.size(); ++i) {
    const auto& x = p.rows[i];
    rows.push_back({std::to_string(i + 1), std::to_string(x.claim), esc(x.unit.empty() ? x.metric : x.metric + " (" + x.unit + ")"),
                    format_number(x.real_rust), format_number(x.real_go), format_ratio(x.real_ratio),
                    format_number(x.design_rust), format_number(x.design_go), format_ratio(x.design_ratio),
                    x.fraction ? format_ratio(*x.fraction) : esc("- (" + x.note + ")")});
  }
  return fmt::format("<h3>{} / {}</h3>\n", html_escape(p.real_rust), html_escape(p.real_go)) +
         table({"chart #", "claim", "metric", p.real_rust, p.real_go, "real ratio", d.design_rust, d.design_go,
                "design ratio", "fraction reproduced"},
               rows);
}

std::string decomposition_section(const Decomposition& d, const std::vector<ClaimFigure>& figures) {
  std::string body = fmt::format(
      "<p>For each Rust/Go pair of the real peers: real ratio = Rust peer / Go peer; design ratio = {0} / {1}; "
      "fraction reproduced = ln(design ratio) / ln(real ratio): 1 means the design difference alone gives the whole "
      "real gap, 0 none of it, a negative value the other way.</p>\n",
      html_escape(d.design_rust), html_escape(d.design_go));
  if (d.pairs.empty()) body += "<p>No pair has a metric measured for all four servers.</p>\n";
  for (const auto& p : d.pairs) body += decomposition_table(d, p);
  return "<section id=\"decomposition\"><h2>Decomposition: how much of the real gap the design reproduces</h2>\n" + body +
         figures_of(0, figures) + "</section>\n";
}

std::string run_line(const RunMeta& m) {
  return fmt::format("Run {} (suite {}, started {} UTC), commit {}{}; {}; kernel {}; pinning {}.", m.dir, m.suite, m.started,
                     m.commit.empty() ? "unknown" : m.commit, m.dirty ? " (dirty tree)" : "", m.cpu_model, m.kernel, m.pinning);
}

std::string banners(const ClaimsReport& r, const std::string& unavailable) {
  std::string out;
  if (!r.run.complete) out += "<p class=\"banner interrupted\">Interrupted run: only the cells that finished are judged.</p>\n";
  if (!unavailable.empty()) out += fmt::format("<p class=\"banner notice\">Charts need gnuplot: {}.</p>\n", html_escape(unavailable));
  std::string items;
  for (const auto& w : r.run.warnings) items += "<li>" + html_escape("warning: " + w) + "</li>\n";
  for (const auto& n : r.notes) items += "<li>" + html_escape("note: " + n) + "</li>\n";
  return items.empty() ? out : out + "<ul class=\"warnings\">\n" + items + "</ul>\n";
}

}  // namespace

std::string claims_html(const ClaimsReport& r, const std::vector<ClaimFigure>& figures, const std::string& unavailable) {
  std::string body = "<section id=\"summary\"><h2>Summary</h2>\n" + summary_table(r) + "</section>\n";
  for (const auto& c : r.claims) {
    if (c.not_measurable.empty()) body += claim_section(c, r, figures);
  }
  body += not_measurable_section(r) + decomposition_section(r.decomposition, figures);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>The article's claims on this "
      "machine</title>\n<style>{}{}</style>\n</head>\n<body>\n<main>\n<h1>The article's claims on this machine</h1>\n"
      "<p class=\"meta\">{}</p>\n{}<p>Verdicts: <em>holds</em>, <em>does not hold</em>, or <em>inconclusive</em> when "
      "the difference is inside the repetitions' noise or they are too few to decide.</p>\n{}</main>\n</body>\n</html>\n",
      report::kReportCss, kClaimsCss, html_escape(run_line(r.run)), banners(r, unavailable), body);
}

}  // namespace apibench::reproduce
