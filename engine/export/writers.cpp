#include "engine/export/writers.hpp"

#include <string>

#include "engine/core/error.hpp"
#include "engine/text/ascii.hpp"

namespace casebook::exporting {

const std::vector<Format>& formats() {
  static const std::vector<Format> table{
      {"md", ".md", "Markdown for Pandoc (grid tables, Table: captions)", false, &write_markdown},
      {"latex", ".tex", "LaTeX (booktabs longtables); --fragment for \\input into a paper", false,
       &write_latex},
      {"csv", ".csv", "CSV (RFC 4180, UTF-8, LF): the tables only, one after another", false,
       &write_csv},
      {"xlsx", ".xlsx", "Excel workbook: one sheet per table", true, &write_xlsx},
      {"docx", ".docx", "Word document with styles, captions and real tables", true, &write_docx},
      {"html", ".html", "one self-contained HTML page (inline style, no scripts)", false,
       &write_html},
  };
  return table;
}

namespace {

// Other names people use for a format.
std::string canonical_format_name(std::string_view name) {
  const std::string lower = text::ascii_lower(name);
  if (lower == "markdown") return "md";
  if (lower == "tex") return "latex";
  if (lower == "htm") return "html";
  return lower;
}

std::string known_names() {
  std::string names;
  for (const Format& format : formats()) {
    if (!names.empty()) names += ", ";
    names += format.name;
  }
  return names;
}

std::string known_extensions() {
  std::string extensions;
  for (const Format& format : formats()) {
    if (!extensions.empty()) extensions += ", ";
    extensions += format.extension;
  }
  return extensions;
}

// ".md" for "out/Table.MD"; "" when the file name has no extension.
std::string extension_of(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return "";
  return text::ascii_lower(name.substr(dot));
}

}  // namespace

const Format& format_named(std::string_view name) {
  const std::string wanted = canonical_format_name(name);
  for (const Format& format : formats()) {
    if (format.name == wanted) return format;
  }
  throw_usage("unknown export format '" + std::string(name) + "'",
              "use one of: " + known_names() + " (\"markdown\" and \"tex\" work too)");
}

const Format& format_for_path(std::string_view path) {
  std::string extension = extension_of(path);
  if (extension == ".markdown") extension = ".md";
  if (extension == ".htm") extension = ".html";
  for (const Format& format : formats()) {
    if (format.extension == extension) return format;
  }
  const std::string got = extension.empty() ? "has no extension" : "ends in '" + extension + "'";
  throw_usage(
      "cannot tell the export format of '" + std::string(path) + "': the file name " + got,
      "name the file with one of " + known_extensions() + ", or give the format explicitly");
}

}  // namespace casebook::exporting
