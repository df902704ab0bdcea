#pragma once
// The export formats, chosen from one table (format name -> writer), as the
// importers are. To add a format: write `std::string write_FORMAT(const
// Document&, const WriteOptions&)` in its own file and add a row to the table
// in writers.cpp.

#include <string>
#include <string_view>
#include <vector>

#include "engine/export/document.hpp"

namespace casebook::exporting {

struct WriteOptions {
  // LaTeX: a complete document that compiles on its own (true) or only the
  // tables, to \input into a paper (false, the preamble lists the packages).
  bool standalone = true;
  // LaTeX, DOCX: landscape pages for wide tables.
  bool landscape = false;
};

struct Format {
  std::string name;         // md, latex, csv, xlsx, docx, html
  std::string extension;    // .md, .tex, ...
  std::string description;  // for --help
  bool binary = false;      // xlsx, docx: a ZIP package
  std::string (*write)(const Document&, const WriteOptions&);
};

const std::vector<Format>& formats();
// The format called `name` (case-insensitive; "markdown" and "tex" are
// accepted too). Throws Error(Usage) naming the known formats otherwise.
const Format& format_named(std::string_view name);
// The format a file name's extension implies; throws Error(Usage) if none.
const Format& format_for_path(std::string_view path);

std::string write_markdown(const Document& document, const WriteOptions& options);
std::string write_latex(const Document& document, const WriteOptions& options);
std::string write_csv(const Document& document, const WriteOptions& options);
std::string write_html(const Document& document, const WriteOptions& options);
std::string write_xlsx(const Document& document, const WriteOptions& options);
std::string write_docx(const Document& document, const WriteOptions& options);

}  // namespace casebook::exporting
