#include "engine/cases/csv.hpp"

#include <utility>

#include "engine/core/error.hpp"

namespace casebook::cases::csv {
namespace {

bool is_blank_char(char c) {
  return c == ' ' || c == '\t';
}
bool is_line_break(char c) {
  return c == '\n' || c == '\r';
}

std::string_view trim_blanks_right(std::string_view s) {
  while (!s.empty() && is_blank_char(s.back())) s.remove_suffix(1);
  return s;
}

bool all_empty(const std::vector<Field>& fields) {
  for (const Field& f : fields) {
    if (!f.value.empty()) return false;
  }
  return true;
}

std::string describe_size(std::size_t bytes) {
  constexpr std::size_t kMegabyte = 1024 * 1024;
  if (bytes >= kMegabyte && bytes % kMegabyte == 0)
    return std::to_string(bytes / kMegabyte) + " MB";
  return std::to_string(bytes) + " bytes";
}

const char* const kQuoteHint =
    "a double quote inside a quoted cell must be written twice (\"\"); "
    "check the quotes in this row";

}  // namespace

char sniff_separator(std::string_view text) {
  std::size_t commas = 0;
  std::size_t semicolons = 0;
  bool in_quotes = false;
  bool seen_content = false;
  for (char c : text) {
    if (c == '"') {
      // A doubled quote toggles twice, so the state stays right.
      in_quotes = !in_quotes;
      seen_content = true;
    } else if (in_quotes) {
      continue;
    } else if (is_line_break(c)) {
      if (seen_content) break;  // the end of the first non-blank record
    } else if (c == ',') {
      ++commas;
    } else if (c == ';') {
      ++semicolons;
    }
    if (!is_blank_char(c) && !is_line_break(c)) seen_content = true;
  }
  return semicolons > commas ? ';' : ',';
}

int line_of_offset(std::string_view text, std::size_t offset) {
  int line = 1;
  const std::size_t end = offset < text.size() ? offset : text.size();
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
    } else if (text[i] == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
      ++line;  // a lone CR; the CR of a CRLF is counted with its LF
    }
  }
  return line;
}

Reader::Reader(std::string_view text, char separator, std::string_view what, Limits limits)
    : text_(text), separator_(separator), what_(what), limits_(limits) {}

bool Reader::next(Record& record) {
  for (skip_line_breaks(); !at_end(); skip_line_breaks()) {
    read_record(record);
    if (!all_empty(record.fields)) return true;
  }
  return false;
}

std::string Reader::where(int line, std::size_t column) const {
  std::string out = "row " + std::to_string(line) + ", column ";
  if (column < column_names_.size() && !column_names_[column].empty()) {
    return out + "'" + column_names_[column] + "'";
  }
  return out + std::to_string(column + 1);
}

void Reader::read_record(Record& record) {
  record.line = line_;
  record.fields.clear();
  for (;;) {
    if (record.fields.size() >= limits_.max_fields) {
      throw_data(what_ + ": row " + std::to_string(record.line) + ": more than " +
                     std::to_string(limits_.max_fields) + " cells",
                 "a sheet may have at most " + std::to_string(limits_.max_fields) +
                     " columns; check that the file really is a CSV sheet");
    }
    record.fields.push_back(read_field(record.line, record.fields.size()));
    if (at_end()) return;
    if (text_[pos_] == separator_) {
      ++pos_;  // another cell follows, even at the end of the text ("a,b,")
      continue;
    }
    consume_line_break();
    return;
  }
}

Field Reader::read_field(int record_line, std::size_t column) {
  skip_blanks();
  if (!at_end() && text_[pos_] == '"') return read_quoted(record_line, column);
  return read_unquoted(record_line, column);
}

Field Reader::read_unquoted(int record_line, std::size_t column) {
  const char stops[] = {separator_, '\n', '\r'};
  std::size_t end = text_.find_first_of(std::string_view(stops, sizeof stops), pos_);
  if (end == std::string_view::npos) end = text_.size();
  const std::string_view value = trim_blanks_right(text_.substr(pos_, end - pos_));
  if (value.size() > limits_.max_field_bytes) throw_too_long(record_line, column);
  pos_ = end;
  return Field{std::string(value), false};
}

Field Reader::read_quoted(int record_line, std::size_t column) {
  const int open_line = line_;
  ++pos_;  // the opening quote
  Field field{std::string(), true};
  for (;;) {
    const std::size_t stop = text_.find_first_of("\"\r\n", pos_);
    if (stop == std::string_view::npos) throw_unclosed(record_line, open_line, column);
    if (field.value.size() + (stop - pos_) > limits_.max_field_bytes) {
      throw_too_long(record_line, column);
    }
    field.value.append(text_.substr(pos_, stop - pos_));
    pos_ = stop;
    if (text_[pos_] != '"') {
      consume_line_break();
      field.value.push_back('\n');
      continue;
    }
    if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
      field.value.push_back('"');
      pos_ += 2;
      continue;
    }
    ++pos_;  // the closing quote
    break;
  }
  expect_end_of_field(record_line, column);
  return field;
}

void Reader::expect_end_of_field(int record_line, std::size_t column) {
  skip_blanks();
  if (at_end() || text_[pos_] == separator_ || is_line_break(text_[pos_])) return;
  throw_data(what_ + ": " + where(record_line, column) + ": text after the closing quote",
             kQuoteHint);
}

// Empty lines are skipped here rather than read as a record of one empty cell:
// same result, but exported sheets can end in thousands of them.
void Reader::skip_line_breaks() {
  while (!at_end() && is_line_break(text_[pos_])) consume_line_break();
}

void Reader::skip_blanks() {
  while (!at_end() && is_blank_char(text_[pos_])) ++pos_;
}

void Reader::consume_line_break() {
  if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
  ++pos_;
  ++line_;
}

void Reader::throw_unclosed(int record_line, int open_line, std::size_t column) const {
  std::string message = what_ + ": " + where(record_line, column) + ": the opening quote";
  // A record can span lines; then say which line the stray quote is on.
  if (open_line != record_line) message += " (on line " + std::to_string(open_line) + ")";
  throw_data(message + " of this cell is never closed",
             "add the closing double quote; " + std::string(kQuoteHint));
}

void Reader::throw_too_long(int record_line, std::size_t column) const {
  throw_data(what_ + ": " + where(record_line, column) + ": a cell longer than " +
                 describe_size(limits_.max_field_bytes),
             "a case sheet holds short values; keep long text in a source document, or "
             "check for a stray double quote that runs on to the end of the file");
}

}  // namespace casebook::cases::csv
