// CSV: RFC 4180 fields, UTF-8 without a byte-order mark, LF line ends. Only
// the tables marked in_csv, each as a header row and its data rows, tables
// separated by one empty line; no title, caption or note rows, so the file
// loads as tidy data (R, pandas, spreadsheets).

#include <string>

#include "engine/export/detail.hpp"
#include "engine/export/writers.hpp"

namespace casebook::exporting {
namespace {

bool needs_quotes(std::string_view field) {
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out += field;
    return;
  }
  out += '"';
  for (char c : field) {
    if (c == '"') out += '"';  // RFC 4180: a quote inside a quoted field is doubled
    out += c;
  }
  out += '"';
}

void append_record(std::string& out, const std::vector<std::string>& fields) {
  // One empty field written bare would be an empty line, which readers skip
  // or take for the gap between tables.
  if (fields.size() == 1 && fields[0].empty()) {
    out += "\"\"\n";
    return;
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, fields[i]);
  }
  out += '\n';
}

void append_table(std::string& out, const Table& table) {
  std::vector<std::string> fields;
  for (const Column& column : table.columns) fields.push_back(column.header);
  append_record(out, fields);
  for (const auto& row : table.rows) {
    fields.clear();
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
      fields.push_back(i < row.size() ? row[i].plain_text() : std::string());
    }
    append_record(out, fields);
  }
}

}  // namespace

std::string write_csv(const Document& document, const WriteOptions& /*options*/) {
  std::string out;
  for (const Table* table : detail::tables_of(document)) {
    if (!table->in_csv || table->columns.empty()) continue;
    if (!out.empty()) out += '\n';
    append_table(out, *table);
  }
  return out;
}

}  // namespace casebook::exporting
