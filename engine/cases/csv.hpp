#pragma once
// An RFC 4180 reader for spreadsheet exports (private to the cases module, but
// free of case-sheet rules so other sheet readers can reuse it).
//
// What it accepts beyond the RFC, because spreadsheets and people write it:
// LF, CRLF and lone CR line breaks (inside quoted cells they all become LF, so
// a sheet reads the same whatever the platform); spaces and tabs around cells
// (trimmed from unquoted cells, skipped around quoted ones); a double quote
// inside an unquoted cell (kept as written, e.g. 5" floppy). Records whose
// cells are all empty (blank lines, or ",,," rows a spreadsheet leaves after
// the data) are skipped. Text after a closing quote is an error: it almost
// always means a quote inside a quoted cell was not doubled.
//
// Every error is a casebook::Error(Data) naming the file, the row (the 1-based
// line on which the record starts) and the column.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::cases::csv {

struct Limits {
  std::size_t max_field_bytes = 1024 * 1024;  // one cell, after unquoting
  std::size_t max_fields = 1000;              // cells in one record
};

struct Field {
  std::string value;
  bool quoted = false;
};

struct Record {
  int line = 0;  // 1-based line on which the record starts
  std::vector<Field> fields;
};

// ';' when the first non-blank record holds more semicolons than commas
// outside quotes, else ','.
char sniff_separator(std::string_view text);

// The 1-based line holding byte `offset`, counting LF, CRLF and lone CR as one
// line break each (as Reader does).
int line_of_offset(std::string_view text, std::size_t offset);

// Reads records one at a time from a text it does not own (keep it alive).
class Reader {
 public:
  Reader(std::string_view text, char separator, std::string_view what, Limits limits = {});

  // Reads the next record that has a non-empty cell into `record`; false when
  // the text is exhausted.
  bool next(Record& record);

  // Column names to use in later error messages (by position) instead of
  // column numbers; typically the header, once it has been read.
  void name_columns(std::vector<std::string> names) { column_names_ = std::move(names); }

  // "row 4, column 'notes'" (or "column 3" for an unnamed column), for
  // messages about a cell.
  std::string where(int line, std::size_t column) const;

 private:
  void read_record(Record& record);
  Field read_field(int record_line, std::size_t column);
  Field read_unquoted(int record_line, std::size_t column);
  Field read_quoted(int record_line, std::size_t column);
  void expect_end_of_field(int record_line, std::size_t column);
  void skip_line_breaks();
  void skip_blanks();
  void consume_line_break();
  bool at_end() const { return pos_ >= text_.size(); }
  [[noreturn]] void throw_unclosed(int record_line, int open_line, std::size_t column) const;
  [[noreturn]] void throw_too_long(int record_line, std::size_t column) const;

  std::string_view text_;
  char separator_;
  std::string what_;
  Limits limits_;
  std::vector<std::string> column_names_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace casebook::cases::csv
