#pragma once
// report.html's stylesheet, inlined into the page so it opens offline. System fonts only.
namespace apibench::report {

inline constexpr const char* kReportCss = R"css(
:root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --band: #f6f8fa; --warn: #9a6700; --bad: #cf222e; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       color: var(--ink); background: #fff; }
main { max-width: 1240px; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--line); }
.meta, figcaption, .footnote { color: var(--muted); }
nav ul { display: flex; flex-wrap: wrap; gap: .25rem 1rem; list-style: none; padding: 0; }
nav a { color: #0969da; text-decoration: none; }
.banner { padding: .7rem 1rem; border-radius: 6px; margin: 1rem 0; border: 1px solid; }
.banner.interrupted { background: #fff1f0; border-color: var(--bad); color: var(--bad); font-weight: 600; }
.banner.notice { background: #fff8c5; border-color: var(--warn); color: #4d2d00; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: 14px; font-variant-numeric: tabular-nums; }
th, td { padding: .3rem .55rem; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--band); text-align: left; font-weight: 600; }
td { white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:nth-child(even) td { background: #fbfcfd; }
table.environment td:first-child { color: var(--muted); white-space: nowrap; }
table.environment td { white-space: normal; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
td.flag { color: var(--warn); font-weight: 600; }
ul.warnings li { color: #4d2d00; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(460px, 1fr)); gap: 1rem; }
figure { margin: 0; padding: .5rem; border: 1px solid var(--line); border-radius: 6px; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: .85rem; padding: .2rem .3rem 0; }
.chart-error { color: var(--bad); }
)css";

}  // namespace apibench::report
