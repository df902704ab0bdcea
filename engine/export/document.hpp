#pragma once
// A format-neutral document: what every export builds (evidence tables,
// codings, matrices, the codebook appendix, cases) and every writer renders
// (Markdown, LaTeX, CSV, XLSX, DOCX, HTML). Builders decide the content;
// writers only decide how it looks in their format, so all formats carry the
// same words. Everything here is plain data: no project, no store.
//
// Writers must be deterministic: the same Document gives byte-identical
// output (no clocks, no random ids, fixed ZIP timestamps), so papers can be
// regenerated and diffed.

#include <string>
#include <variant>
#include <vector>

namespace casebook::exporting {

enum class Style { Plain, Emphasis, Strong };

// A run of text in one style. Text is UTF-8 (NFC) and may contain any
// character; writers escape it for their format.
struct Span {
  std::string text;
  Style style = Style::Plain;
};

// One paragraph: spans rendered one after another (no separator added).
using Paragraph = std::vector<Span>;

// A table cell holds zero or more paragraphs (a cell of quotes holds one
// paragraph per quote).
struct Cell {
  std::vector<Paragraph> paragraphs;

  Cell() = default;
  // A cell of one plain paragraph ("" gives an empty cell).
  Cell(std::string text);  // NOLINT(google-explicit-constructor): cells are written as strings
  Cell(const char* text) : Cell(std::string(text)) {}
  static Cell of(std::vector<Paragraph> paragraphs);
  // The cell's text: spans concatenated, paragraphs joined by "\n" (CSV, XLSX).
  std::string plain_text() const;
};

enum class Align { Left, Right };

struct Column {
  std::string header;
  Align align = Align::Left;
  // Relative width (e.g. 1 for a label column, 4 for a column of quotes),
  // used by LaTeX (p{} widths), DOCX and XLSX column widths.
  double width = 1.0;
};

struct Table {
  std::string id;       // stable identifier: LaTeX \label{tab:id}, HTML id, XLSX sheet name hint
  std::string caption;  // shown above the table
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;  // every row has columns.size() cells
  std::vector<std::string> notes;       // shown below the table (sources of counts, rules)
  bool in_csv = true;                   // CSV output writes only the tables with this set
};

struct Heading {
  int level = 1;  // 1 = section, 2 = subsection
  std::string text;
};

using Block = std::variant<Heading, Paragraph, Table>;

struct Document {
  std::string title;
  std::vector<Block> blocks;
};

// Every string a document would show (title, headings, paragraphs, headers,
// cells, captions, notes), for the anonymity check before writing.
std::vector<std::string> all_text(const Document& document);

}  // namespace casebook::exporting
