#pragma once
// The case sheet: a CSV file with one row per case (an id, an outcome, an
// optional sub-outcome, then typed attributes), parsed and validated before
// anything is written. Errors name the file, row and column.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::cases {

enum class AttributeType { Text, Integer, Decimal, Date, Boolean };

std::string_view type_name(AttributeType t);  // "text", "integer", ...
std::optional<AttributeType> parse_type_name(std::string_view name);

struct AttributeColumn {
  std::string name;  // header without the ":type" suffix
  AttributeType type;
  bool declared = false;  // the header declared the type (else inferred)
};

struct CaseRow {
  int line = 0;             // 1-based line of the row in the file
  std::string id;           // case id, e.g. "A"
  std::string outcome;      // may be empty
  std::string sub_outcome;  // may be empty
  // attribute name -> canonical value (integers without leading zeros or '+',
  // decimals as written but with '.', dates ISO yyyy[-mm[-dd]], booleans
  // "true"/"false"); empty cells are absent.
  std::map<std::string, std::string> attributes;
};

struct CaseSheet {
  std::vector<AttributeColumn> columns;  // attribute columns in file order
  std::vector<CaseRow> rows;
  // Whether the sheet has these columns at all: a sheet of attributes only
  // must not wipe outcomes imported earlier.
  bool has_outcome = false;
  bool has_sub_outcome = false;
};

// Parses RFC 4180 CSV (comma or semicolon separated, sniffed from the header;
// quoted fields with embedded separators, quotes and newlines; CRLF or LF;
// UTF-8 with or without BOM). The header must have an "id" column (also
// accepted: "case", "case_id"); "outcome" and "sub_outcome" (also
// "sub-outcome", "suboutcome") are optional; every other column is an
// attribute, typed by a ":type" suffix ("population:integer") or inferred from
// its values when undeclared. Throws casebook::Error(Data) naming `what`
// (the file), the row (line) and column for: a missing id column, duplicate
// columns, an empty or duplicate case id, a row with the wrong number of
// fields, an unterminated quote, a value that does not fit its declared type,
// invalid UTF-8, an unknown type name.
CaseSheet parse_case_sheet(std::string_view csv, std::string_view what);

}  // namespace casebook::cases
