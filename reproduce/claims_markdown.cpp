#include <fmt/format.h>

#include "reproduce/claims_report.hpp"
#include "reproduce/number_format.hpp"

namespace apibench::reproduce {
namespace {

// Table cells must not break the table: pipes and newlines become text.
std::string cell(std::string text) {
  std::string out;
  for (char ch : text) {
    if (ch == '|') out += "\\|";
    else if (ch == '\n') out += ' ';
    else out += ch;
  }
  return out;
}

std::string header(const ClaimsReport& r) {
  const RunMeta& m = r.run;
  std::string out = "# The article's claims on this machine\n\n";
  out += fmt::format("Run `{}` (suite {}, started {} UTC), commit {}{}, {}, kernel {}, pinning {}.\n", m.dir, m.suite,
                     m.started, m.commit.empty() ? "unknown" : m.commit, m.dirty ? " (dirty tree)" : "", m.cpu_model,
                     m.kernel, m.pinning);
  if (!m.complete) out += "\n**Interrupted run: only the cells that finished are judged.**\n";
  for (const auto& w : m.warnings) out += fmt::format("\n- warning: {}", w);
  for (const auto& n : r.notes) out += fmt::format("\n- note: {}", n);
  return out + "\n\nVerdicts are for this machine and this run: *holds*, *does not hold*, or *inconclusive* when the "
               "difference is inside the repetitions' noise or they are too few to decide (docs/reproduce.md).\n\n";
}

std::string summary(const ClaimsReport& r) {
  std::string out = "## Summary\n\n| # | claim |";
  for (const auto& f : r.config.families) out += fmt::format(" {} |", cell(family_label(f)));
  out += "\n|---|---|";
  for (std::size_t i = 0; i < r.config.families.size(); ++i) out += "---|";
  out += "\n";
  for (const auto& c : r.claims) {
    out += fmt::format("| {} | {} |", c.number, cell(c.title));
    for (const auto& f : r.config.families) {
      out += " " + (c.not_measurable.empty() ? family_summary(c, f.name) : std::string("not measurable")) + " |";
    }
    out += "\n";
  }
  return out + fmt::format("\n{}.\n\n{}.\n\n", tally_text(tally_verdicts(r.claims)), stability_definition());
}

std::string values_table(const ClaimResult& c, const ReproduceConfig& config) {
  const auto servers = config.servers();
  std::string out = fmt::format("| metric | {} |\n|---|", fmt::join(servers, " | "));
  for (std::size_t i = 0; i < servers.size(); ++i) out += "---:|";
  out += "\n";
  for (const auto& row : c.rows) {
    out += "| " + cell(row_label(row)) + " |";
    for (const auto& v : row.values) out += " " + cell(value_text(v)) + " |";
    out += "\n";
  }
  return out;
}

std::string verdict_table(const ClaimResult& c) {
  std::string out = "\n| metric | family | compared | verdict | evidence | stability |\n|---|---|---|---|---|---|\n";
  for (const auto& row : c.rows) {
    for (const auto& j : row.judgements) {
      out += fmt::format("| {} | {} | {} | **{}** | {} | {} |\n", cell(row.metric), cell(j.family), cell(j.subject),
                         verdict_text(j.verdict), cell(j.detail), cell(j.stability.text()));
    }
  }
  return out;
}

std::string value_notes(const ClaimResult& c) {
  std::string out;
  for (const auto& row : c.rows) {
    for (const auto& v : row.values) {
      if (!v.note.empty()) out += fmt::format("- {}, {}: {}\n", row.metric, v.server, v.note);
    }
  }
  return out.empty() ? "" : "\n<details><summary>Value notes</summary>\n\n" + out + "\n</details>\n";
}

std::string claim_section(const ClaimResult& c, const ReproduceConfig& config) {
  std::string out = fmt::format("## {}. {}\n\n> {}\n\n**Measures:** {}\n\n**Holds when:** {}\n\n", c.number, c.title,
                                c.quote, c.measures, c.criterion);
  out += values_table(c, config) + verdict_table(c) + value_notes(c);
  for (const auto& n : c.notes) out += fmt::format("\n{}\n", n);
  return out + "\n";
}

std::string not_measurable(const ClaimsReport& r) {
  std::string out = "## 9. Claims no benchmark can settle\n\n| claim | the article | why not measurable |\n|---|---|---|\n";
  for (const auto& c : r.claims) {
    if (!c.not_measurable.empty()) out += fmt::format("| {} | {} | {} |\n", cell(c.title), cell(c.quote), cell(c.not_measurable));
  }
  return out + "\n";
}

std::string decomposition_table(const Decomposition& d, const DecompositionPair& p) {
  std::string out = fmt::format(
      "### {} / {}\n\n| # | metric | {} | {} | real ratio | {} | {} | design ratio | fraction reproduced |\n"
      "|---|---|---:|---:|---:|---:|---:|---:|---:|\n",
      p.real_rust, p.real_go, p.real_rust, p.real_go, d.design_rust, d.design_go);
  for (const auto& row : p.rows) {
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} | {} | {} |\n", row.claim,
                       cell(row.unit.empty() ? row.metric : row.metric + " (" + row.unit + ")"), format_number(row.real_rust),
                       format_number(row.real_go), format_ratio(row.real_ratio), format_number(row.design_rust),
                       format_number(row.design_go), format_ratio(row.design_ratio),
                       row.fraction ? format_ratio(*row.fraction) : "- (" + row.note + ")");
  }
  return out + "\n";
}

std::string decomposition(const Decomposition& d) {
  std::string out = fmt::format(
      "## Decomposition: how much of the real gap the design alone reproduces\n\nFor each Rust/Go pair of the real "
      "peers: real ratio = Rust peer / Go peer; design ratio = {} / {}; fraction reproduced = ln(design ratio) / "
      "ln(real ratio) (1: all of the gap, 0: none, negative: the other way).\n\n",
      d.design_rust, d.design_go);
  if (d.pairs.empty()) return out + "No pair has a metric measured for all four servers.\n";
  for (const auto& p : d.pairs) out += decomposition_table(d, p);
  return out;
}

}  // namespace

std::string claims_summary_markdown(const ClaimsReport& r) { return summary(r); }

std::string claims_markdown(const ClaimsReport& r) {
  std::string out = header(r) + summary(r);
  for (const auto& c : r.claims) {
    if (c.not_measurable.empty()) out += claim_section(c, r.config);
  }
  return out + not_measurable(r) + decomposition(r.decomposition);
}

}  // namespace apibench::reproduce
