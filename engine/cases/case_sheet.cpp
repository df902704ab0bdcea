// Case sheets: CSV in (engine/cases/csv.hpp), cases with typed attributes out.
// The whole sheet is checked before anything is returned, so an import either
// takes every row or none. Rules beyond the header's contract:
// - Row numbers are the 1-based line on which a record starts, so they match
//   a text editor's line numbers even after multi-line cells.
// - Ids, outcomes and sub-outcomes are trimmed; so are typed values before they
//   are checked. Text attributes keep a quoted cell's spaces as written. A
//   cell holding only whitespace is empty.
// - Case ids are compared exactly (the store's labels are case-sensitive).
// - A column with an empty header is allowed (spreadsheets export unused
//   columns as ",,,") as long as all its cells are empty too; likewise extra
//   empty cells at the end of a row.
// - Limits keep memory bounded whatever the input: 256 MB per sheet, 1 MB per
//   cell, 1000 columns, 100000 rows, 5 million filled attribute cells.

#include "engine/cases/case_sheet.hpp"

#include <array>
#include <unordered_map>
#include <utility>

#include "engine/cases/csv.hpp"
#include "engine/cases/values.hpp"
#include "engine/core/error.hpp"
#include "engine/text/ascii.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/offsets.hpp"

namespace casebook::cases {
namespace {

constexpr std::size_t kMaxSheetBytes = 256 * 1024 * 1024;
constexpr std::size_t kMaxRows = 100000;
constexpr std::size_t kMaxFilledCells = 5000000;
constexpr std::size_t kMaxColumns = 1000;
constexpr std::size_t kMaxCellBytes = 1024 * 1024;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

const char* const kSaveAsUtf8 =
    "save the sheet as UTF-8 (in Excel: Save As > 'CSV UTF-8 (Comma delimited)'; in "
    "LibreOffice: Character set 'Unicode (UTF-8)')";

constexpr std::array<std::pair<std::string_view, AttributeType>, 5> kTypeNames = {{
    {"text", AttributeType::Text},
    {"integer", AttributeType::Integer},
    {"decimal", AttributeType::Decimal},
    {"date", AttributeType::Date},
    {"boolean", AttributeType::Boolean},
}};

// ---- encoding ----

std::string hex_byte(unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[b >> 4] + kHex[b & 0xF];
}

// Rejects what is not UTF-8 text, naming the line, before any parsing.
void check_encoding(std::string_view text, const std::string& what) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    throw_data(what + ": the sheet is UTF-16 text, not UTF-8", kSaveAsUtf8);
  }
  std::size_t bad = 0;
  if (!text::is_valid_utf8(text, &bad)) {
    const std::string byte = bad < text.size() ? hex_byte(static_cast<unsigned char>(text[bad]))
                                               : std::string("end of file");
    throw_data(what + ": line " + std::to_string(csv::line_of_offset(text, bad)) +
                   ": not valid UTF-8 (at " + byte + ")",
               std::string(kSaveAsUtf8) + "; is the file perhaps not a CSV sheet?");
  }
  const std::size_t nul = text.find('\0');
  if (nul != text.npos) {
    throw_data(what + ": line " + std::to_string(csv::line_of_offset(text, nul)) +
                   ": contains a NUL byte, so it is not a text file",
               "export the sheet from the spreadsheet as CSV UTF-8");
  }
}

// ---- the header ----

enum class Role { Id, Outcome, SubOutcome, Attribute, Unnamed };

struct Column {
  Role role = Role::Unnamed;
  std::string name;  // reserved names lower-cased, attribute names as written
  std::optional<AttributeType> declared;
  std::size_t attribute = 0;  // index into CaseSheet::columns for attributes
};

struct Header {
  int line = 0;
  std::vector<Column> columns;
  std::size_t id = 0;  // position of the id column
};

Role role_of(std::string_view lower_name) {
  if (lower_name.empty()) return Role::Unnamed;
  if (lower_name == "id" || lower_name == "case" || lower_name == "case_id") return Role::Id;
  if (lower_name == "outcome") return Role::Outcome;
  if (lower_name == "sub_outcome" || lower_name == "sub-outcome" || lower_name == "suboutcome") {
    return Role::SubOutcome;
  }
  return Role::Attribute;
}

// Common misspellings of the type names, to suggest the right one.
std::string suggest_type(std::string_view lower) {
  if (lower == "int" || lower == "number" || lower == "whole") return "integer";
  if (lower == "float" || lower == "double" || lower == "real" || lower == "numeric") {
    return "decimal";
  }
  if (lower == "bool" || lower == "yesno" || lower == "yes/no") return "boolean";
  if (lower == "string" || lower == "str") return "text";
  if (lower == "datetime" || lower == "day") return "date";
  return {};
}

[[noreturn]] void throw_unknown_type(const std::string& where, std::string_view type,
                                     std::string_view name, std::string_view header) {
  const std::string suggestion = suggest_type(text::ascii_lower(type));
  std::string hint = suggestion.empty()
                         ? std::string()
                         : "did you mean '" + std::string(name) + ":" + suggestion + "'? ";
  hint +=
      "types are text, integer, decimal, date and boolean; if the ':' belongs to the column "
      "name, end the header with ':text' ('" +
      std::string(header) + ":text')";
  throw_data(where + ": unknown type '" + std::string(type) + "'", hint);
}

// One header cell: "population:integer" -> attribute 'population', declared
// integer. The type is after the last ':', so a name may itself hold ':'.
Column read_header_cell(std::string_view cell, const std::string& where) {
  Column column;
  const std::string_view header = values::trim(cell);
  std::string_view name = header;
  const std::size_t colon = name.rfind(':');
  if (colon != name.npos) {
    const std::string_view type = values::trim(name.substr(colon + 1));
    name = values::trim(name.substr(0, colon));
    column.declared = parse_type_name(type);
    if (!column.declared) throw_unknown_type(where, type, name, header);
    if (name.empty()) {
      throw_data(where + ": the header '" + std::string(header) + "' has no name",
                 "write the attribute name before the ':'");
    }
  }
  column.role = role_of(text::ascii_lower(name));
  column.name = column.role == Role::Attribute ? std::string(name) : text::ascii_lower(name);
  const bool reserved = column.role != Role::Attribute && column.role != Role::Unnamed;
  if (reserved && column.declared && *column.declared != AttributeType::Text) {
    throw_data(where + ": the " + column.name + " column cannot be typed",
               "ids, outcomes and sub-outcomes are text; remove ':" +
                   std::string(type_name(*column.declared)) + "' from the header");
  }
  return column;
}

// The key under which two header names count as the same column.
std::string column_key(const Column& c) {
  switch (c.role) {
    case Role::Id:
      return "\x01id";  // "id", "case" and "case_id" all name the id column
    case Role::Outcome:
      return "\x01outcome";
    case Role::SubOutcome:
      return "\x01sub_outcome";
    case Role::Attribute:
      return text::fold_for_index(c.name);  // "Region" and "REGION" clash
    case Role::Unnamed:
      break;
  }
  return {};
}

void check_duplicate_columns(const Header& header, const std::string& what) {
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < header.columns.size(); ++i) {
    const Column& c = header.columns[i];
    if (c.role == Role::Unnamed) continue;
    const auto [it, inserted] = seen.emplace(column_key(c), i);
    if (inserted) continue;
    const Column& first = header.columns[it->second];
    throw_data(what + ": row " + std::to_string(header.line) + ": columns " +
                   std::to_string(it->second + 1) + " ('" + first.name + "') and " +
                   std::to_string(i + 1) + " ('" + c.name + "') are the same column",
               c.role == Role::Attribute
                   ? "attribute names must differ by more than upper/lower case; rename or "
                     "remove one of them"
                   : "keep one of the two columns ('id', 'case' and 'case_id' all name the "
                     "case id; 'sub_outcome', 'sub-outcome' and 'suboutcome' the sub-outcome)");
  }
}

Header read_header(csv::Reader& reader, CaseSheet& sheet, const std::string& what) {
  csv::Record record;
  if (!reader.next(record)) {
    throw_data(what + ": the sheet is empty",
               "the first line must be a header such as 'id,outcome,sub_outcome,population'");
  }
  Header header;
  header.line = record.line;
  bool has_id = false;
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    Column c = read_header_cell(record.fields[i].value, what + ": " + reader.where(record.line, i));
    if (c.role == Role::Attribute) {
      c.attribute = sheet.columns.size();
      sheet.columns.push_back(
          {c.name, c.declared.value_or(AttributeType::Text), c.declared.has_value()});
    }
    if (c.role == Role::Id && !has_id) {
      header.id = i;
      has_id = true;
    }
    if (c.role == Role::Outcome) sheet.has_outcome = true;
    if (c.role == Role::SubOutcome) sheet.has_sub_outcome = true;
    header.columns.push_back(std::move(c));
  }
  check_duplicate_columns(header, what);
  if (!has_id) {
    throw_data(what + ": row " + std::to_string(header.line) + ": no id column",
               "the header needs a column named 'id' (or 'case' or 'case_id') holding each "
               "case's id");
  }
  return header;
}

// ---- the rows ----

struct RawCell {
  std::size_t row = 0;  // index into CaseSheet::rows
  std::string value;
};

// Everything read so far; attribute values wait in `cells` until their
// column's type is known.
struct Pending {
  CaseSheet sheet;
  std::vector<std::vector<RawCell>> cells;  // per attribute column
  std::unordered_map<std::string, int> id_lines;
  std::size_t filled = 0;
};

std::string describe_row_width(const csv::Record& record, const Header& header,
                               const std::string& what) {
  return what + ": row " + std::to_string(record.line) + ": " +
         std::to_string(record.fields.size()) + " cells, but the header (row " +
         std::to_string(header.line) + ") has " + std::to_string(header.columns.size()) +
         " columns";
}

// Rows must be as wide as the header; extra cells are tolerated only when
// empty (trailing separators some spreadsheets write).
void check_row_width(const csv::Record& record, const Header& header, const std::string& what,
                     char separator) {
  const std::size_t width = header.columns.size();
  bool fits = record.fields.size() >= width;
  for (std::size_t i = width; fits && i < record.fields.size(); ++i) {
    fits = values::trim(record.fields[i].value).empty();
  }
  if (fits) return;
  throw_data(describe_row_width(record, header, what),
             std::string("a cell holding '") + separator +
                 "' must be in double quotes; otherwise add the missing cells or headers");
}

void check_limits(const Pending& pending, int line, const std::string& what) {
  if (pending.sheet.rows.size() >= kMaxRows) {
    throw_data(what + ": row " + std::to_string(line) + ": more than " + std::to_string(kMaxRows) +
                   " cases",
               "split the sheet and import the parts one after the other");
  }
  if (pending.filled > kMaxFilledCells) {
    throw_data(what + ": row " + std::to_string(line) + ": more than " +
                   std::to_string(kMaxFilledCells) + " filled attribute cells",
               "split the sheet and import the parts one after the other");
  }
}

void set_id(CaseRow& row, std::string_view cell, Pending& pending, const csv::Reader& reader,
            std::size_t column, const std::string& what) {
  row.id = std::string(values::trim(cell));
  if (row.id.empty()) {
    throw_data(what + ": " + reader.where(row.line, column) + ": the case id is empty",
               "give every case an id, or delete the row");
  }
  const auto [it, inserted] = pending.id_lines.emplace(row.id, row.line);
  if (inserted) return;
  throw_data(what + ": " + reader.where(row.line, column) + ": case id '" + row.id +
                 "' is already used on row " + std::to_string(it->second),
             "case ids must be unique: rename one of the two cases, or merge the rows");
}

void add_cell(const Column& column, std::string& cell, std::size_t index, Pending& pending,
              const csv::Reader& reader, const std::string& what) {
  CaseRow& row = pending.sheet.rows.back();
  switch (column.role) {
    case Role::Id:
      return set_id(row, cell, pending, reader, index, what);
    case Role::Outcome:
      row.outcome = std::string(values::trim(cell));
      return;
    case Role::SubOutcome:
      row.sub_outcome = std::string(values::trim(cell));
      return;
    case Role::Unnamed:
      if (values::trim(cell).empty()) return;
      throw_data(what + ": " + reader.where(row.line, index) + ": a value (" +
                     values::quote_for_message(values::trim(cell)) + ") in a column with no header",
                 "name the column in the header, or delete the value");
    case Role::Attribute:
      if (values::trim(cell).empty()) return;
      ++pending.filled;
      pending.cells[column.attribute].push_back({pending.sheet.rows.size() - 1, std::move(cell)});
      return;
  }
}

void add_row(csv::Record& record, const Header& header, Pending& pending, const csv::Reader& reader,
             const std::string& what, char separator) {
  check_limits(pending, record.line, what);
  check_row_width(record, header, what, separator);
  pending.sheet.rows.emplace_back();
  pending.sheet.rows.back().line = record.line;
  // The id first, so an error in another cell of a row names a known case.
  add_cell(header.columns[header.id], record.fields[header.id].value, header.id, pending, reader,
           what);
  for (std::size_t i = 0; i < header.columns.size(); ++i) {
    if (i == header.id) continue;
    add_cell(header.columns[i], record.fields[i].value, i, pending, reader, what);
  }
}

// ---- attribute types ----

AttributeType infer_type(const std::vector<RawCell>& cells) {
  values::TypeInference inference;
  for (const RawCell& cell : cells) inference.add(values::trim(cell.value));
  return inference.type();
}

std::string canonical_or_throw(const AttributeColumn& column, const RawCell& cell,
                               const CaseSheet& sheet, const std::string& what) {
  if (column.type == AttributeType::Text) return cell.value;
  const std::string_view value = values::trim(cell.value);
  std::optional<std::string> canonical = values::canonical(column.type, value);
  if (canonical) return std::move(*canonical);
  // Only declared columns get here: inference picks a type every value fits.
  const values::Complaint complaint = values::explain(column.type, value, column.name);
  throw_data(what + ": row " + std::to_string(sheet.rows[cell.row].line) + ", column '" +
                 column.name + "' (" + std::string(type_name(column.type)) +
                 "): " + complaint.problem,
             complaint.hint);
}

void resolve_column(std::size_t index, Pending& pending, const std::string& what) {
  AttributeColumn& column = pending.sheet.columns[index];
  std::vector<RawCell>& cells = pending.cells[index];
  if (!column.declared) column.type = infer_type(cells);
  for (RawCell& cell : cells) {
    std::string value = canonical_or_throw(column, cell, pending.sheet, what);
    pending.sheet.rows[cell.row].attributes.emplace(column.name, std::move(value));
  }
  std::vector<RawCell>().swap(cells);  // free as we go
}

std::string_view checked_text(std::string_view csv, const std::string& what) {
  if (csv.size() > kMaxSheetBytes) {
    throw_data(what + ": the sheet is larger than " + std::to_string(kMaxSheetBytes >> 20) + " MB",
               "split the sheet and import the parts one after the other");
  }
  if (csv.substr(0, kUtf8Bom.size()) == kUtf8Bom) csv.remove_prefix(kUtf8Bom.size());
  check_encoding(csv, what);
  return csv;
}

}  // namespace

std::string_view type_name(AttributeType t) {
  for (const auto& [name, type] : kTypeNames) {
    if (type == t) return name;
  }
  return "text";
}

// Case-insensitive, so a header may say "population:Integer".
std::optional<AttributeType> parse_type_name(std::string_view name) {
  const std::string lower = text::ascii_lower(name);
  for (const auto& [type_name, type] : kTypeNames) {
    if (type_name == lower) return type;
  }
  return std::nullopt;
}

CaseSheet parse_case_sheet(std::string_view csv, std::string_view what_view) {
  const std::string what(what_view);
  const std::string_view text = checked_text(csv, what);
  const char separator = csv::sniff_separator(text);
  csv::Reader reader(text, separator, what, csv::Limits{kMaxCellBytes, kMaxColumns});

  Pending pending;
  const Header header = read_header(reader, pending.sheet, what);
  std::vector<std::string> names;
  for (const Column& c : header.columns) names.push_back(c.name);
  reader.name_columns(std::move(names));
  pending.cells.resize(pending.sheet.columns.size());

  csv::Record record;
  while (reader.next(record)) add_row(record, header, pending, reader, what, separator);
  for (std::size_t i = 0; i < pending.sheet.columns.size(); ++i) resolve_column(i, pending, what);
  return std::move(pending.sheet);
}

}  // namespace casebook::cases
