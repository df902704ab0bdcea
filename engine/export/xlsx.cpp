// XLSX through libxlsxwriter: one worksheet per table, named from the
// table's id (or caption), with a bold frozen header row, an autofilter,
// wrapped text and column widths from Column::width. Each sheet is tidy
// data (header in row 1); the caption and notes ride along as a comment on
// the first header cell. Right-aligned cells that are plain decimal numbers
// are written as numbers, keeping their decimals. A document without tables
// gets one sheet holding its title, headings and paragraphs.
//
// libxlsxwriter writes files, so the workbook goes to a private temporary
// directory and is read back. Its ZIP entries are dated 1980-01-01 by the
// library and the document dates are set to the same fixed time, so the
// bytes depend on the document only.

#include <stdlib.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/temp_dir.hpp"
#include "engine/export/detail.hpp"
#include "engine/export/writers.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/utf8.hpp"

namespace casebook::exporting {
namespace {

// 1980-01-01T00:00:00Z, the date libxlsxwriter gives the ZIP entries.
constexpr std::time_t kFixedCreated = 315532800;

// Excel's limits: characters in a cell (UTF-16 units) and in a sheet name.
constexpr std::size_t kMaxCellUnits = 32767;
constexpr std::size_t kMaxSheetNameUnits = 31;

// Column widths in Excel's character units.
constexpr double kSheetCharacters = 100;
constexpr double kMinColumnCharacters = 8;
constexpr double kMaxColumnCharacters = 80;

// Row heights in points: one line of the default 11-point Calibri, and
// Excel's maximum.
constexpr double kLineHeight = 15;
constexpr double kMaxRowHeight = 409;

// ---- resources ----

// Frees a workbook that was never closed (an error on the way).
struct WorkbookFree {
  void operator()(lxw_workbook* workbook) const { lxw_workbook_free(workbook); }
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookFree>;

void check(lxw_error error, const std::string& what) {
  if (error == LXW_NO_ERROR) return;
  throw_internal("cannot write the XLSX workbook: " + what + ": " + lxw_strerror(error),
                 "this is a bug in casebook; please report it with the command you ran");
}

std::string read_whole_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    throw_io("cannot read back the XLSX workbook written to " + path.string(),
             "check the temporary directory (TMPDIR) has space and try again");
  }
  return bytes;
}

// ---- text ----

std::size_t utf16_units(char32_t cp) {
  return cp > 0xFFFF ? 2 : 1;
}

std::size_t utf16_length(std::string_view text) {
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < text.size();)
    units += utf16_units(text::utf8::next_code_point(text, pos));
  return units;
}

// At most `max_units` UTF-16 units of `text`, cut between characters.
std::string cut_to_units(std::string_view text, std::size_t max_units) {
  std::string out;
  std::size_t units = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = text::utf8::next_code_point(text, pos);
    if (units + utf16_units(cp) > max_units) break;
    text::utf8::append_utf8(out, cp);
    units += utf16_units(cp);
  }
  return out;
}

bool is_hex_digit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Text without the characters XML forbids (libxlsxwriter would write them
// as "_xHHHH_" escapes).
std::string xml_characters_only(std::string_view text) {
  std::string out;
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = text::utf8::next_code_point(text, pos);
    if (detail::is_xml_char(cp)) text::utf8::append_utf8(out, cp);
  }
  return out;
}

// Text as SpreadsheetML stores it: characters XML forbids dropped, and a
// literal "_xHHHH_" protected as "_x005F_xHHHH_" (Excel would otherwise read
// it as an escaped character). Longer than Excel allows in a cell, it is cut
// and the cut marked.
std::string sheet_text(std::string_view text) {
  static constexpr std::string_view kCutMark = " [\xE2\x80\xA6]";  // " […]", 4 UTF-16 units
  const std::vector<char32_t> cps = text::utf8::code_points(text);
  std::string out;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    if (!detail::is_xml_char(cps[i])) continue;
    const bool escape_like = cps[i] == '_' && i + 6 < cps.size() && cps[i + 1] == 'x' &&
                             is_hex_digit(cps[i + 2]) && is_hex_digit(cps[i + 3]) &&
                             is_hex_digit(cps[i + 4]) && is_hex_digit(cps[i + 5]) &&
                             cps[i + 6] == '_';
    if (escape_like) out += "_x005F";
    text::utf8::append_utf8(out, cps[i]);
  }
  if (utf16_length(out) <= kMaxCellUnits) return out;
  return cut_to_units(out, kMaxCellUnits - utf16_length(kCutMark)) + std::string(kCutMark);
}

// A right-aligned cell's text as a number, if it is exactly a plain decimal
// ("12", "-3.50"): leading zeros ("007"), exponents, signs other than a
// leading '-' and anything else stay text, so identifiers and formatted
// values show as the builder wrote them.
struct Number {
  double value = 0;
  int decimals = 0;  // digits after the point, kept by the cell's format
};

std::optional<Number> as_number(std::string_view text) {
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t start = i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (i < text.size() && text[i] == '-') ++i;
  const std::size_t integer_start = i;
  const std::size_t integer_digits = digits();
  if (integer_digits == 0 || (integer_digits > 1 && text[integer_start] == '0'))
    return std::nullopt;
  Number number;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t fraction_digits = digits();
    if (fraction_digits == 0) return std::nullopt;
    number.decimals = static_cast<int>(fraction_digits);
  }
  if (i != text.size() || integer_digits + number.decimals > 15)
    return std::nullopt;  // beyond double
  const auto result = std::from_chars(text.data(), text.data() + text.size(), number.value);
  if (result.ec != std::errc()) return std::nullopt;
  return number;
}

// ---- row heights ----

// Lines `text` takes when wrapped in a column `column_characters` wide, so
// rows can be given their height: LibreOffice does not grow rows of wrapped
// text when it opens a file, and Excel keeps a row's stored height.
std::size_t wrapped_lines(std::string_view text, double column_characters) {
  // Characters are on average a little narrower than Excel's width unit
  // (the digit '0'), but cell padding takes about one.
  const auto capacity = static_cast<std::size_t>(std::max(1.0, column_characters - 1));
  std::size_t lines = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::size_t used = 0;
    std::size_t line_count = 1;
    std::size_t pos = start;
    while (pos < end) {
      const std::size_t word_end = std::min(text.find(' ', pos), end);
      const std::size_t word = detail::display_width(text.substr(pos, word_end - pos));
      if (used > 0 && used + 1 + word > capacity) {
        ++line_count;
        used = 0;
      }
      used += (used > 0 ? 1 : 0) + word;
      while (used > capacity) {  // a word wider than the column wraps inside
        ++line_count;
        used -= capacity;
      }
      pos = word_end + 1;
    }
    lines += line_count;
    start = end + 1;
  }
  return lines;
}

// ---- sheet names ----

bool forbidden_in_sheet_name(char32_t cp) {
  return cp < 0x20 || !detail::is_xml_char(cp) || cp == '[' || cp == ']' || cp == ':' ||
         cp == '*' || cp == '?' || cp == '/' || cp == '\\';
}

std::string trim_sheet_name(std::string name) {
  // Excel refuses names that start or end with an apostrophe.
  const std::size_t first = name.find_first_not_of(" '");
  if (first == std::string::npos) return "";
  const std::size_t last = name.find_last_not_of(" '");
  return name.substr(first, last - first + 1);
}

std::string sheet_name_from(std::string_view hint) {
  std::string name;
  for (std::size_t pos = 0; pos < hint.size();) {
    const char32_t cp = text::utf8::next_code_point(hint, pos);
    text::utf8::append_utf8(name, forbidden_in_sheet_name(cp) ? U'-' : cp);
  }
  return trim_sheet_name(cut_to_units(trim_sheet_name(name), kMaxSheetNameUnits));
}

// Sheet names unique as Excel compares them (ignoring case); "History" is
// reserved by Excel.
class SheetNames {
 public:
  std::string claim(std::string_view hint, const std::string& fallback) {
    std::string base = sheet_name_from(hint);
    if (base.empty()) base = fallback;
    if (text::fold_for_index(base) == "history") base += " sheet";
    std::string name = base;
    for (int n = 2; taken_.count(text::fold_for_index(name)) != 0; ++n) {
      const std::string suffix = " (" + std::to_string(n) + ")";
      name = trim_sheet_name(cut_to_units(base, kMaxSheetNameUnits - suffix.size())) + suffix;
    }
    taken_.insert(text::fold_for_index(name));
    return name;
  }

 private:
  std::set<std::string> taken_;
};

// ---- the workbook ----

class WorkbookWriter {
 public:
  WorkbookWriter(const std::filesystem::path& file, const std::filesystem::path& tmpdir,
                 const WriteOptions& options)
      : file_(file.string()), tmpdir_(tmpdir.string()), options_(options) {
    lxw_workbook_options workbook_options{};
    workbook_options.tmpdir = tmpdir_.data();
    workbook_.reset(workbook_new_opt(file_.c_str(), &workbook_options));
    if (!workbook_) {
      throw_io("cannot start the XLSX workbook in " + tmpdir_,
               "free some space or set TMPDIR to a writable directory");
    }
    make_formats();
  }

  void set_title(const std::string& title) {
    title_ = xml_characters_only(detail::one_line(title));
    lxw_doc_properties properties{};
    properties.title = title_.data();
    properties.created = kFixedCreated;  // libxlsxwriter takes 0 as "now"
    check(workbook_set_properties(workbook_.get(), &properties), "document properties");
  }

  void add_table(const Table& table, std::size_t number) {
    const std::string hint = table.id.empty() ? table.caption : table.id;
    check_fits_a_sheet(table, hint.empty() ? std::to_string(number) : "'" + hint + "'");
    lxw_worksheet* sheet = add_sheet(hint, "Table " + std::to_string(number));
    const auto last_column = static_cast<lxw_col_t>(table.columns.size() - 1);
    const std::vector<double> widths = column_widths(table.columns);
    for (std::size_t c = 0; c < widths.size(); ++c) {
      const auto column = static_cast<lxw_col_t>(c);
      check(worksheet_set_column(sheet, column, column, widths[c], nullptr), "column width");
    }
    std::vector<std::string> texts;
    for (const Column& column : table.columns) texts.push_back(column.header);
    write_row(sheet, 0, texts, widths, [&](std::size_t c, const std::string& text) {
      write_text(sheet, 0, c, text, header_);
    });
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      texts.clear();
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        texts.push_back(c < table.rows[r].size() ? table.rows[r][c].plain_text() : "");
      }
      write_row(sheet, r + 1, texts, widths, [&](std::size_t c, const std::string& text) {
        write_cell(sheet, r + 1, c, text, table.columns[c].align);
      });
    }
    const auto last_row = static_cast<lxw_row_t>(table.rows.size());
    worksheet_freeze_panes(sheet, 1, 0);
    check(worksheet_autofilter(sheet, 0, 0, last_row, last_column), "autofilter");
    check(worksheet_repeat_rows(sheet, 0, 0), "repeating the header row when printed");
    add_caption_comment(sheet, table);
  }

  // For a document without tables: its text, one block per row.
  void add_text_sheet(const Document& document) {
    lxw_worksheet* sheet = add_sheet(document.title, "Document");
    check(worksheet_set_column(sheet, 0, 0, kSheetCharacters, nullptr), "column width");
    std::size_t row = 0;
    const auto add = [&](const std::string& text, lxw_format* format) {
      write_row(sheet, row, {text}, {kSheetCharacters}, [&](std::size_t, const std::string& value) {
        write_text(sheet, row, 0, value, format);
      });
      ++row;
    };
    if (!document.title.empty()) add(detail::one_line(document.title), header_);
    for (const Block& block : document.blocks) {
      if (const auto* heading = std::get_if<Heading>(&block)) {
        add(detail::one_line(heading->text), header_);
      } else if (const auto* paragraph = std::get_if<Paragraph>(&block)) {
        add(Cell::of({*paragraph}).plain_text(), text_);
      }
    }
  }

  // Writes the file; the workbook is freed whatever happens.
  void close() {
    const lxw_error error = workbook_close(workbook_.release());
    if (error != LXW_NO_ERROR) {
      throw_io("cannot write the XLSX workbook to " + file_ + ": " + lxw_strerror(error),
               "free some space or set TMPDIR to a writable directory");
    }
  }

 private:
  void make_formats() {
    header_ = workbook_add_format(workbook_.get());
    format_set_bold(header_);
    format_set_text_wrap(header_);
    format_set_align(header_, LXW_ALIGN_VERTICAL_BOTTOM);
    format_set_bottom(header_, LXW_BORDER_THIN);
    text_ = workbook_add_format(workbook_.get());
    format_set_text_wrap(text_);
    format_set_align(text_, LXW_ALIGN_VERTICAL_TOP);
    right_text_ = workbook_add_format(workbook_.get());
    format_set_text_wrap(right_text_);
    format_set_align(right_text_, LXW_ALIGN_VERTICAL_TOP);
    format_set_align(right_text_, LXW_ALIGN_RIGHT);
  }

  // Excel's grid: 1,048,576 rows (one is the header) and 16,384 columns.
  static void check_fits_a_sheet(const Table& table, const std::string& what) {
    if (table.rows.size() + 1 > LXW_ROW_MAX || table.columns.size() > LXW_COL_MAX) {
      throw_data("table " + what + " has " + std::to_string(table.rows.size()) + " rows and " +
                     std::to_string(table.columns.size()) +
                     " columns, more than an XLSX sheet holds (1048575 rows under the header, " +
                     "16384 columns)",
                 "export it as CSV, which has no such limit");
    }
  }

  // "0", "0.0", "0.00"...: a number shows the decimals it was written with.
  lxw_format* number_format(int decimals) {
    auto [it, inserted] = number_formats_.try_emplace(decimals, nullptr);
    if (inserted) {
      it->second = workbook_add_format(workbook_.get());
      format_set_align(it->second, LXW_ALIGN_VERTICAL_TOP);
      const std::string pattern = decimals == 0 ? "0" : "0." + std::string(decimals, '0');
      format_set_num_format(it->second, pattern.c_str());
    }
    return it->second;
  }

  lxw_worksheet* add_sheet(std::string_view hint, const std::string& fallback) {
    const std::string name = names_.claim(hint, fallback);
    check(workbook_validate_sheet_name(workbook_.get(), name.c_str()), "sheet name '" + name + "'");
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_.get(), name.c_str());
    if (sheet == nullptr) check(LXW_ERROR_MEMORY_MALLOC_FAILED, "sheet '" + name + "'");
    worksheet_set_paper(sheet, 9);  // A4, as the DOCX and LaTeX exports
    worksheet_fit_to_pages(sheet, 1, 0);
    if (options_.landscape) worksheet_set_landscape(sheet);
    return sheet;
  }

  // Widths shared out by Column::width, each wide enough for its header
  // and the autofilter button.
  static std::vector<double> column_widths(const std::vector<Column>& columns) {
    const std::vector<double> fractions = detail::width_fractions(columns);
    std::vector<double> widths;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const double header_width =
          std::min(30.0, static_cast<double>(detail::display_width(columns[c].header)) + 4);
      widths.push_back(
          std::max({kMinColumnCharacters, header_width,
                    std::min(kMaxColumnCharacters, std::round(kSheetCharacters * fractions[c]))}));
    }
    return widths;
  }

  // Writes a row's cells with `write` and makes the row tall enough for its
  // wrapped text.
  template <class Write>
  void write_row(lxw_worksheet* sheet, std::size_t row, const std::vector<std::string>& texts,
                 const std::vector<double>& widths, Write&& write) {
    std::size_t lines = 1;
    for (std::size_t c = 0; c < texts.size(); ++c) {
      write(c, texts[c]);
      lines = std::max(lines, wrapped_lines(texts[c], widths[c]));
    }
    if (lines > 1) {
      const double height = std::min(kMaxRowHeight, kLineHeight * static_cast<double>(lines));
      check(worksheet_set_row(sheet, static_cast<lxw_row_t>(row), height, nullptr), "row height");
    }
  }

  void write_text(lxw_worksheet* sheet, std::size_t row, std::size_t column, std::string_view text,
                  lxw_format* format) {
    const std::string value = sheet_text(text);
    check(worksheet_write_string(sheet, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                 value.c_str(), format),
          "cell text");
  }

  void write_cell(lxw_worksheet* sheet, std::size_t row, std::size_t column,
                  const std::string& text, Align align) {
    if (align == Align::Right) {
      if (const auto number = as_number(text)) {
        check(worksheet_write_number(sheet, static_cast<lxw_row_t>(row),
                                     static_cast<lxw_col_t>(column), number->value,
                                     number_format(number->decimals)),
              "cell number");
        return;
      }
    }
    write_text(sheet, row, column, text, align == Align::Right ? right_text_ : text_);
  }

  void add_caption_comment(lxw_worksheet* sheet, const Table& table) {
    std::string comment = detail::one_line(table.caption);
    for (const std::string& note : table.notes) {
      if (!comment.empty()) comment += "\n\n";
      comment += note;
    }
    if (comment.empty()) return;
    const std::string text = sheet_text(comment);
    lxw_comment_options options{};
    options.width = 400;
    options.height = 160;
    check(worksheet_write_comment_opt(sheet, 0, 0, text.c_str(), &options), "caption comment");
  }

  std::string file_;
  std::string tmpdir_;
  std::string title_;
  const WriteOptions& options_;
  WorkbookPtr workbook_;
  lxw_format* header_ = nullptr;
  lxw_format* text_ = nullptr;
  lxw_format* right_text_ = nullptr;
  std::map<int, lxw_format*> number_formats_;
  SheetNames names_;
};

}  // namespace

std::string write_xlsx(const Document& document, const WriteOptions& options) {
  const TempDirectory directory = TempDirectory::in_system_temp("xlsx", "the XLSX export");
  const std::filesystem::path file = directory.path() / "export.xlsx";
  WorkbookWriter workbook(file, directory.path(), options);
  workbook.set_title(document.title);
  std::size_t number = 0;
  std::size_t sheets = 0;
  for (const Table* table : detail::tables_of(document)) {
    ++number;
    if (table->columns.empty()) continue;  // nothing to show
    workbook.add_table(*table, number);
    ++sheets;
  }
  if (sheets == 0) workbook.add_text_sheet(document);
  workbook.close();
  return read_whole_file(file);
}

}  // namespace casebook::exporting
