// HTML: one self-contained HTML5 page (UTF-8, inline style sheet, no scripts,
// no external resources) that reads well on screen and prints cleanly.

#include <string>

#include "engine/export/detail.hpp"
#include "engine/export/writers.hpp"

namespace casebook::exporting {
namespace {

// Booktabs-like tables (rules above and below the header and at the end,
// hairlines between rows); headers repeat on printed pages.
constexpr const char* kStyleSheet = R"(body {
  font-family: Georgia, "Times New Roman", serif;
  line-height: 1.45;
  color: #111;
  background: #fff;
  max-width: 62rem;
  margin: 2rem auto;
  padding: 0 1rem;
}
h1, h2, h3 { font-family: system-ui, "Segoe UI", Helvetica, Arial, sans-serif; line-height: 1.2; }
table { border-collapse: collapse; width: 100%; margin: 1.5rem 0 0.5rem; font-size: 0.92rem; }
caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 0.4rem; }
thead th {
  text-align: left;
  vertical-align: bottom;
  border-top: 2px solid #111;
  border-bottom: 1px solid #111;
}
th, td { padding: 0.35rem 0.6rem; vertical-align: top; }
tbody tr + tr td { border-top: 1px solid #ccc; }
tbody tr:last-child td { border-bottom: 2px solid #111; }
thead th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td p { margin: 0; }
td p + p { margin-top: 0.5em; }
p.note { font-size: 0.85rem; color: #333; margin: 0.25rem 0; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; }
}
)";

// Escaped text; line breaks inside a paragraph become <br>.
std::string html_text(std::string_view text) {
  const std::string escaped = detail::xml_escape(text);
  std::string out;
  for (char c : escaped) {
    if (c == '\n') {
      out += "<br>\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string inline_html(const Paragraph& paragraph) {
  std::string out;
  for (const Span& span : detail::tidy(paragraph)) {
    switch (span.style) {
      case Style::Plain:
        out += html_text(span.text);
        break;
      case Style::Emphasis:
        out += "<em>" + html_text(span.text) + "</em>";
        break;
      case Style::Strong:
        out += "<strong>" + html_text(span.text) + "</strong>";
        break;
    }
  }
  return out;
}

// One paragraph is written inline; several become <p> elements so the
// style sheet can space them (a cell of quotes holds one per quote).
std::string cell_html(const Cell& cell) {
  std::vector<std::string> paragraphs;
  for (const Paragraph& paragraph : cell.paragraphs) {
    std::string html = inline_html(paragraph);
    if (!html.empty()) paragraphs.push_back(std::move(html));
  }
  if (paragraphs.size() == 1) return paragraphs.front();
  std::string out;
  for (const std::string& html : paragraphs) out += "<p>" + html + "</p>";
  return out;
}

std::string align_class(Align align) {
  return align == Align::Right ? " class=\"num\"" : "";
}

void append_table(std::string& out, const Table& table, const std::string& anchor) {
  if (table.columns.empty()) return;  // nothing to show, as in every format
  out += "<table id=\"tab-" + detail::xml_escape(anchor) + "\">\n";
  if (!table.caption.empty()) {
    out += "<caption>" + detail::xml_escape(detail::one_line(table.caption)) + "</caption>\n";
  }
  out += "<colgroup>";
  for (double fraction : detail::width_fractions(table.columns)) {
    out += "<col style=\"width: " + detail::fixed_decimal(fraction * 100, 1) + "%\">";
  }
  out += "</colgroup>\n<thead>\n<tr>";
  for (const Column& column : table.columns) {
    out +=
        "<th scope=\"col\"" + align_class(column.align) + ">" + html_text(column.header) + "</th>";
  }
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      const std::string content = i < row.size() ? cell_html(row[i]) : std::string();
      out += "<td" + align_class(table.columns[i].align) + ">" + content + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</tbody>\n</table>\n";
  for (const std::string& note : table.notes) {
    out += "<p class=\"note\">" + html_text(note) + "</p>\n";
  }
}

std::string page_title(const Document& document) {
  // HTML requires a non-empty <title>.
  return document.title.empty() ? std::string("Export") : detail::one_line(document.title);
}

}  // namespace

std::string write_html(const Document& document, const WriteOptions& /*options*/) {
  std::string out =
      "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta name=\"generator\" content=\"casebook\">\n";
  out += "<title>" + detail::xml_escape(page_title(document)) + "</title>\n";
  out += "<style>\n" + std::string(kStyleSheet) + "</style>\n</head>\n<body>\n";
  if (!document.title.empty()) {
    out += "<h1>" + detail::xml_escape(detail::one_line(document.title)) + "</h1>\n";
  }
  const std::vector<std::string> anchors = detail::table_anchors(document);
  std::size_t table_index = 0;
  for (const Block& block : document.blocks) {
    std::visit(detail::Overloaded{
                   [&](const Heading& heading) {
                     const char* tag = heading.level <= 1 ? "h2" : "h3";
                     out += std::string("<") + tag + ">" +
                            detail::xml_escape(detail::one_line(heading.text)) + "</" + tag + ">\n";
                   },
                   [&](const Paragraph& paragraph) {
                     const std::string html = inline_html(paragraph);
                     if (!html.empty()) out += "<p>" + html + "</p>\n";
                   },
                   [&](const Table& table) { append_table(out, table, anchors[table_index++]); },
               },
               block);
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace casebook::exporting
