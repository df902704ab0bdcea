// The report's style sheet (style.css), kept here so the site needs no file
// beside the binary. Plain CSS, no web fonts: the system's UI font is used.

#include "engine/report/html.hpp"

namespace casebook::report::html {

namespace {

constexpr std::string_view kStylesheet = R"css(/* casebook report */
:root {
  color-scheme: light;
  --ink: #1f2933;
  --muted: #52606d;
  --faint: #7b8794;
  --line: #d9e2ec;
  --soft: #f5f7fa;
  --accent: #0b5cad;
  --header: #102a43;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  font-size: 16px;
  line-height: 1.55;
  color: var(--ink);
  background: #fff;
}
.wrap { max-width: 1240px; margin: 0 auto; padding: 0 28px; }
a { color: var(--accent); text-underline-offset: 2px; }
a:hover { text-decoration-thickness: 2px; }

/* header and footer */
.site-header { background: var(--header); color: #fff; }
.site-header .wrap {
  display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
  gap: 8px 28px; padding-top: 12px; padding-bottom: 12px;
}
.brand { color: #fff; font-weight: 650; font-size: 1.05rem; text-decoration: none; }
.site-header nav ul { display: flex; flex-wrap: wrap; gap: 4px; list-style: none; margin: 0; padding: 0; }
.site-header nav a {
  display: block; color: #d9e2ec; text-decoration: none; padding: 6px 12px;
  border-radius: 6px; font-size: 0.95rem;
}
.site-header nav a:hover { background: rgba(255, 255, 255, 0.1); color: #fff; }
.site-header nav a[aria-current="page"] { background: rgba(255, 255, 255, 0.18); color: #fff; }
main.wrap { padding-top: 36px; padding-bottom: 56px; }
.site-footer { border-top: 1px solid var(--line); color: var(--faint); font-size: 0.85rem; }
.site-footer .wrap { padding-top: 18px; padding-bottom: 28px; }

/* text */
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 0.5em; letter-spacing: -0.01em; }
h1 .subtitle { display: block; font-size: 1.1rem; font-weight: 400; color: var(--muted); margin-top: 0.3em; }
h2 {
  font-size: 1.45rem; line-height: 1.3; margin: 2.4em 0 0.6em;
  padding-bottom: 0.3em; border-bottom: 1px solid var(--line);
}
h3 { font-size: 1.15rem; margin: 2em 0 0.4em; }
p { margin: 0 0 1em; }
.intro { max-width: 78ch; font-size: 1.06rem; }
.explain { color: var(--muted); max-width: 82ch; }
.note { color: var(--muted); font-size: 0.88rem; margin: 0.3em 0; }
.no-data {
  color: var(--muted); font-style: italic; padding: 12px 16px;
  background: var(--soft); border-radius: 8px; max-width: 82ch;
}
.breadcrumb { font-size: 0.9rem; color: var(--muted); margin-bottom: 0.6em; }

/* the front page's overview of pages */
.cards {
  display: grid; grid-template-columns: repeat(auto-fit, minmax(210px, 1fr));
  gap: 14px; margin: 28px 0 8px; padding: 0; list-style: none;
}
.cards a {
  display: block; height: 100%; border: 1px solid var(--line); border-radius: 10px;
  padding: 14px 16px; text-decoration: none; color: inherit; background: #fff;
}
.cards a:hover { border-color: var(--accent); box-shadow: 0 2px 10px rgba(16, 42, 67, 0.08); }
.cards strong { display: block; color: var(--accent); font-size: 1.02rem; }
.cards span { display: block; color: var(--muted); font-size: 0.88rem; margin-top: 2px; }
.toc { font-size: 0.95rem; color: var(--muted); }
.toc a { margin-right: 1.2em; }

/* tables */
.table-wrap { overflow-x: auto; margin: 1em 0 0.5em; }
table { border-collapse: collapse; width: 100%; font-size: 0.94rem; }
caption { text-align: left; font-weight: 600; padding: 0 0 8px; caption-side: top; }
th, td { border: 1px solid var(--line); padding: 8px 10px; vertical-align: top; text-align: left; }
thead th { background: var(--soft); font-weight: 600; }
td p { margin: 0 0 0.5em; }
td p:last-child { margin-bottom: 0; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
table.data tbody tr:nth-child(even) td { background: #fbfcfd; }
table.facts { width: auto; min-width: 380px; max-width: 100%; }
table.facts th { background: var(--soft); font-weight: 600; white-space: nowrap; }

/* the triangulation matrix */
table.matrix { table-layout: fixed; min-width: 860px; }
table.matrix thead th { font-size: 0.95rem; }
table.matrix th.proposition-head { width: 24%; }
table.matrix tbody th { font-weight: 400; background: #fff; }
.prop-label { display: block; font-weight: 700; }
.prop-text { display: block; color: var(--muted); font-size: 0.88rem; line-height: 1.45; margin-top: 2px; }
td.verdict { padding: 10px; }
.verdict-word {
  display: inline-block; font-weight: 650; font-size: 0.8rem; letter-spacing: 0.02em;
  padding: 1px 9px; border-radius: 999px; color: #fff; background: var(--faint);
}
.summary { display: block; font-size: 0.82rem; color: var(--muted); margin-top: 6px; line-height: 1.4; }
.verdict-corroborated { background: #e6f4ea; }
.verdict-corroborated .verdict-word, .chip.verdict-corroborated { background: #1e7b45; }
.verdict-single-source { background: #f2f6dc; }
.verdict-single-source .verdict-word, .chip.verdict-single-source { background: #5f6f12; }
.verdict-single-type { background: #fdf1dc; }
.verdict-single-type .verdict-word, .chip.verdict-single-type { background: #9a5b00; }
.verdict-contested { background: #fbe4de; }
.verdict-contested .verdict-word, .chip.verdict-contested { background: #b3361d; }
.verdict-absent { background: #f3f4f6; }
.verdict-absent .verdict-word, .chip.verdict-absent { background: #7b8794; }
.verdict-other { background: #fff; }
.verdict-legend { display: flex; flex-wrap: wrap; gap: 8px 16px; list-style: none; padding: 0; margin: 0.6em 0; }
.chip {
  display: inline-block; font-weight: 650; font-size: 0.8rem; padding: 1px 9px;
  border-radius: 999px; color: #fff; background: var(--faint);
}
details { margin-top: 8px; }
summary { cursor: pointer; font-size: 0.84rem; color: var(--accent); user-select: none; }
summary:hover { text-decoration: underline; }
.reason { font-size: 0.84rem; color: var(--ink); margin: 6px 0; }
.quotes { list-style: none; margin: 6px 0 0; padding: 0; }
.quote {
  margin: 0 0 8px; padding: 6px 9px; background: rgba(255, 255, 255, 0.75);
  border-left: 3px solid #9fb3c8; border-radius: 0 6px 6px 0;
}
.quote.counter { border-left-color: #b3361d; }
.quote blockquote { margin: 0; font-size: 0.88rem; line-height: 1.5; white-space: pre-line; }
.quote-meta { margin: 4px 0 0; font-size: 0.78rem; color: var(--muted); }
.quote-meta cite { font-style: normal; font-weight: 600; }
.badge {
  display: inline-block; font-size: 0.72rem; font-weight: 650; padding: 0 6px;
  border-radius: 4px; background: #b3361d; color: #fff; margin-right: 4px;
}
.swatch {
  display: inline-block; width: 0.8em; height: 0.8em; border-radius: 2px;
  margin-right: 0.35em; vertical-align: -0.05em; border: 1px solid rgba(0, 0, 0, 0.12);
}
.code-tag { white-space: nowrap; }

/* charts */
.chart-figure {
  margin: 1em 0 2.2em; padding: 16px 18px; border: 1px solid var(--line);
  border-radius: 10px; background: #fff; overflow-x: auto;
}
.chart-figure figcaption { font-weight: 600; margin-bottom: 8px; }
svg.chart { display: block; height: auto; margin: 0 auto; }
svg.chart .cell:hover, svg.chart .bar:hover { stroke: #1f2933; stroke-width: 1.5; }

/* sources */
.code-legend {
  display: flex; flex-wrap: wrap; gap: 6px 18px; list-style: none; padding: 10px 14px;
  margin: 0.6em 0; background: var(--soft); border-radius: 8px; font-size: 0.92rem;
}
.code-legend .count { color: var(--faint); font-size: 0.85rem; }
.source-text { max-width: 82ch; font-size: 1.02rem; line-height: 1.8; }
.source-text p { white-space: pre-wrap; margin: 0 0 1.1em; overflow-wrap: anywhere; }
mark {
  color: inherit; background-color: transparent; padding: 0.12em 0; border-radius: 2px;
  border-bottom: 2px solid transparent;
  -webkit-box-decoration-break: clone; box-decoration-break: clone;
}
mark.overlap { border-bottom: 2px dotted #52606d; }
.pager { display: flex; justify-content: space-between; gap: 16px; margin-top: 2.5em;
  padding-top: 1em; border-top: 1px solid var(--line); font-size: 0.95rem; }

@media (max-width: 700px) {
  .wrap { padding: 0 16px; }
  h1 { font-size: 1.6rem; }
}
@media print {
  .site-header nav, .pager { display: none; }
  .site-header { background: none; color: var(--ink); }
  .brand { color: var(--ink); }
  .chart-figure, .quote, tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string_view stylesheet() {
  return kStylesheet;
}

}  // namespace casebook::report::html
