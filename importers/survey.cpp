// Survey answers (open-ended questions) from a CSV or XLSX export: one row
// per respondent, one column per question or attribute. As MAXQDA and NVivo
// do, each respondent becomes one source (import_all; `part` "respondent
// <id>", title "<file stem> – <id>"), so answers can be coded and compared
// by respondent attributes like any other source.
//
// Layout of a respondent's text: for every non-empty answer, the question
// (the column header) as a "heading" passage, then the answer as an "answer"
// passage whose heading_path is the question. The text reads like a filled-in
// form, and auto-coding by question uses heading_path. Attribute columns go
// to metadata (keys: the lower-cased header), with the id as "respondent".
//
// Column roles:
//   * a header suffix forces a role and is dropped from the name:
//     "Comments:answer", "Council:attr" (or ":attribute"), "Ref:id";
//   * the id column is the one marked ":id", else the first whose header is
//     a usual id name (id, respondent, respondent_id, participant, ResponseId,
//     "Respondent ID"...), else the first column;
//   * any other column is an answer column when its values are mostly free
//     text (average length >= 30 characters, or most values have at least six
//     words), otherwise an attribute (council, role, age band).
//
// Detection (so a plain .csv is not hijacked): the format is "survey" with
// the extension .xlsx and a sniff. The sniff accepts an XLSX package, and a
// CSV only when it looks like a survey: its header names an id column
// (see above) or marks a role with a suffix, its first rows are rectangular,
// and at least one column holds answers. Any other CSV is imported as plain
// text as before; `--format survey` imports it as a survey anyway (first
// column as id), and then an error says what is missing and how to mark it,
// with `--format text` as the way back.
//
// Errors name the file and the row: ragged rows, empty or duplicate ids,
// duplicate column names, no answer columns, no respondents.

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/cases/csv.hpp"
#include "engine/core/error.hpp"
#include "engine/text/normalize.hpp"
#include "engine/text/offsets.hpp"
#include "importers/ascii_text.hpp"
#include "importers/canonical_text.hpp"
#include "importers/formats.hpp"
#include "importers/text_builder.hpp"
#include "importers/xlsx_sheet.hpp"

namespace casebook::importers {
namespace {

// The sniff reads at most this much of a CSV: enough for a header and some
// rows, and cheap for every file offered to the format table.
constexpr std::size_t kSniffBytes = 64 * 1024;
// Survey tools export hundreds of columns and long answers; the limits only
// stop a runaway quote from reading the whole file into one cell.
constexpr std::size_t kMaxColumns = 4096;
constexpr std::size_t kMaxCellBytes = 4 * 1024 * 1024;
// Inference thresholds (see the top comment).
constexpr double kAnswerAverageCodePoints = 30.0;
constexpr std::size_t kAnswerWords = 6;
// How many rows an error message lists.
constexpr std::size_t kRowsListed = 10;

// ---- a table of strings, whatever file it came from -------------------------

struct TableRow {
  int line = 0;  // 1-based row (CSV: the line on which the record starts)
  std::vector<std::string> cells;
};

struct Table {
  int header_line = 0;
  std::vector<std::string> header;
  std::vector<TableRow> rows;
};

// ---- small string helpers ---------------------------------------------------

// Full Unicode lower case, for metadata keys ("Größe" -> "größe").
std::string unicode_lower(std::string_view utf8) {
  std::string out;
  icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
      .toLower(icu::Locale::getRoot())
      .toUTF8String(out);
  return out;
}

std::size_t count_words(std::string_view s) {
  std::size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = is_xml_whitespace(c);
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

std::string quoted_list(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "'" : ", '") + name + "'";
  return out;
}

std::string rows_list(const std::vector<int>& lines) {
  std::string out;
  for (std::size_t i = 0; i < lines.size() && i < kRowsListed; ++i) {
    out += (i == 0 ? "" : ", ") + std::to_string(lines[i]);
  }
  if (lines.size() > kRowsListed)
    out += " and " + std::to_string(lines.size() - kRowsListed) + " more";
  return out;
}

// ---- column roles -----------------------------------------------------------

enum class Role { Id, Attribute, Answer };

struct Column {
  std::string name;            // the header without its role suffix
  std::optional<Role> forced;  // from a suffix
};

// "Comments:answer" -> {"Comments", Answer}; suffixes are case-insensitive.
Column parse_header_cell(std::string_view cell, std::size_t index) {
  struct Suffix {
    std::string_view text;
    Role role;
  };
  static constexpr Suffix kSuffixes[] = {{":answer", Role::Answer},
                                         {":attribute", Role::Attribute},
                                         {":attr", Role::Attribute},
                                         {":id", Role::Id}};
  cell = trim_xml_whitespace(cell);
  Column column;
  for (const Suffix& suffix : kSuffixes) {
    if (cell.size() >= suffix.text.size() &&
        ascii_lower(cell.substr(cell.size() - suffix.text.size())) == suffix.text) {
      column.forced = suffix.role;
      cell = trim_xml_whitespace(cell.substr(0, cell.size() - suffix.text.size()));
      break;
    }
  }
  column.name = cell.empty() ? "column " + std::to_string(index + 1) : std::string(cell);
  return column;
}

std::vector<Column> parse_header(const std::vector<std::string>& header) {
  std::vector<Column> columns;
  columns.reserve(header.size());
  for (std::size_t i = 0; i < header.size(); ++i)
    columns.push_back(parse_header_cell(header[i], i));
  return columns;
}

// Id column names used by survey tools and researchers, compared after
// lower-casing and turning spaces, hyphens and dots into underscores.
bool is_id_name(std::string_view name) {
  static constexpr std::string_view kIdNames[] = {
      "id",           "respondent",     "respondent_id",
      "respondentid", "respondent_no",  "respondent_number",
      "participant",  "participant_id", "participantid",
      "response_id",  "responseid",     "response_no",
      "interviewee",  "interviewee_id"};
  std::string key = ascii_lower(trim_xml_whitespace(name));
  std::replace_if(
      key.begin(), key.end(), [](char c) { return c == ' ' || c == '-' || c == '.'; }, '_');
  return std::find(std::begin(kIdNames), std::end(kIdNames), key) != std::end(kIdNames);
}

// The id column: marked ":id", else named like an id, else the first column
// that is not forced to another role.
std::size_t find_id_column(const std::vector<Column>& columns) {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].forced == Role::Id) return i;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].forced && is_id_name(columns[i].name)) return i;
  }
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i].forced) return i;
  }
  return 0;
}

// Free text, as opposed to a short categorical or numeric value.
bool looks_like_answers(const std::vector<TableRow>& rows, std::size_t column) {
  std::size_t values = 0;
  std::size_t code_points = 0;
  std::size_t wordy = 0;
  for (const TableRow& row : rows) {
    if (column >= row.cells.size()) continue;
    const std::string_view value = trim_xml_whitespace(row.cells[column]);
    if (value.empty()) continue;
    ++values;
    code_points += text::count_code_points(value);
    if (count_words(value) >= kAnswerWords) ++wordy;
  }
  if (values == 0) return false;
  const double average = static_cast<double>(code_points) / static_cast<double>(values);
  return average >= kAnswerAverageCodePoints || 2 * wordy > values;
}

struct Layout {
  std::vector<Column> columns;
  std::vector<Role> roles;  // one per column
  std::size_t id_column = 0;

  bool has_answers() const {
    return std::find(roles.begin(), roles.end(), Role::Answer) != roles.end();
  }
};

Layout assign_roles(const Table& sheet) {
  Layout layout;
  layout.columns = parse_header(sheet.header);
  layout.id_column = find_id_column(layout.columns);
  layout.roles.resize(layout.columns.size(), Role::Attribute);
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (i == layout.id_column) {
      layout.roles[i] = Role::Id;
    } else if (layout.columns[i].forced == Role::Answer ||
               layout.columns[i].forced == Role::Attribute) {
      layout.roles[i] = *layout.columns[i].forced;
    } else if (layout.columns[i].forced == Role::Id) {
      layout.roles[i] = Role::Attribute;  // a second ":id" column: keep its values
    } else {
      layout.roles[i] = looks_like_answers(sheet.rows, i) ? Role::Answer : Role::Attribute;
    }
  }
  return layout;
}

// ---- checks, each naming the file and the rows ------------------------------

void check_column_names(const std::filesystem::path& path, const Layout& layout) {
  std::map<std::string, std::size_t> seen;  // lower-cased name -> column
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    const auto [it, inserted] = seen.emplace(unicode_lower(layout.columns[i].name), i);
    if (!inserted) {
      throw_data(path.string() + ": columns " + std::to_string(it->second + 1) + " and " +
                     std::to_string(i + 1) + " are both named '" + layout.columns[i].name + "'",
                 "give every column a distinct header (questions and attributes are told apart "
                 "by their headers)");
    }
  }
}

// Every row has one cell per column. Missing cells at the end of an XLSX row
// are normal (empty cells are not stored), so `pad_short_rows` fills them;
// empty cells past the header are tolerated because spreadsheets write a
// trailing separator.
void make_rectangular(const std::filesystem::path& path, Table& sheet, bool pad_short_rows) {
  const std::size_t width = sheet.header.size();
  for (TableRow& row : sheet.rows) {
    while (row.cells.size() > width && trim_xml_whitespace(row.cells.back()).empty())
      row.cells.pop_back();
    if (row.cells.size() == width) continue;
    if (row.cells.size() < width && pad_short_rows) {
      row.cells.resize(width);
      continue;
    }
    throw_data(path.string() + ": row " + std::to_string(row.line) + " has " +
                   std::to_string(row.cells.size()) + " cells, but the header (row " +
                   std::to_string(sheet.header_line) + ") has " + std::to_string(width),
               "every row needs one cell per column; an answer that contains the separator or "
               "a line break must be in double quotes");
  }
}

void check_ids(const std::filesystem::path& path, const Table& sheet, const Layout& layout) {
  const std::string& id_name = layout.columns[layout.id_column].name;
  std::map<std::string, std::vector<int>> lines_of_id;
  std::vector<std::string> order;
  for (const TableRow& row : sheet.rows) {
    const std::string id(trim_xml_whitespace(row.cells[layout.id_column]));
    if (id.empty()) {
      throw_data(
          path.string() + ": row " + std::to_string(row.line) + " has no respondent id (column '" +
              id_name + "' is empty)",
          "give every respondent an id, or mark the id column by adding ':id' to its header");
    }
    std::vector<int>& lines = lines_of_id[id];
    if (lines.empty()) order.push_back(id);
    lines.push_back(row.line);
  }
  for (const std::string& id : order) {
    const std::vector<int>& lines = lines_of_id[id];
    if (lines.size() < 2) continue;
    throw_data(path.string() + ": respondent id '" + id + "' (column '" + id_name +
                   "') appears in rows " + rows_list(lines),
               "each row is one respondent and needs a unique id; if this column is not the id, "
               "mark the id column by adding ':id' to its header");
  }
}

[[noreturn]] void throw_no_answer_columns(const std::filesystem::path& path, const Layout& layout) {
  std::vector<std::string> attributes;
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (layout.roles[i] == Role::Attribute) attributes.push_back(layout.columns[i].name);
  }
  std::string found = "id column '" + layout.columns[layout.id_column].name + "'";
  if (!attributes.empty()) found += " and attribute columns " + quoted_list(attributes);
  throw_data(path.string() + ": no answer columns: found " + found +
                 ", none of which holds free-text answers (values of 30 characters or "
                 "several words on average)",
             "mark each answer column by adding ':answer' to its header (e.g. 'Comments:answer'), "
             "or, if this is not a survey, import it as plain text with --format text");
}

// ---- building sources ---------------------------------------------------------

bool has_answers(const Layout& layout, const TableRow& row) {
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (layout.roles[i] == Role::Answer && !trim_xml_whitespace(row.cells[i]).empty()) return true;
  }
  return false;
}

// The question as a heading, then the answer; both skipped when the answer
// is empty, so a respondent's text holds only what they wrote.
void append_answers(TextBuilder& builder, const Layout& layout, const TableRow& row,
                    const std::string& path_prefix) {
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (layout.roles[i] != Role::Answer || trim_xml_whitespace(row.cells[i]).empty()) continue;
    const std::string& question = layout.columns[i].name;
    ImportedPassage heading;
    heading.kind = "heading";
    heading.heading_path = path_prefix;
    builder.begin_passage(std::move(heading));
    builder.append(question);
    builder.end_passage();
    ImportedPassage answer;
    answer.kind = "answer";
    answer.heading_path = path_prefix.empty() ? question : path_prefix + " > " + question;
    builder.begin_passage(std::move(answer));
    builder.append(row.cells[i]);
    builder.end_passage();
  }
}

std::map<std::string, std::string> respondent_metadata(const Layout& layout, const TableRow& row) {
  std::map<std::string, std::string> metadata;
  for (std::size_t i = 0; i < layout.columns.size(); ++i) {
    if (layout.roles[i] != Role::Attribute) continue;
    const std::string_view value = trim_xml_whitespace(row.cells[i]);
    if (!value.empty()) metadata[unicode_lower(layout.columns[i].name)] = std::string(value);
  }
  // Set last so an attribute column of the same name cannot replace it.
  metadata["respondent"] = std::string(trim_xml_whitespace(row.cells[layout.id_column]));
  return metadata;
}

struct Origin {
  std::string encoding;
  std::vector<std::string> notes;  // for the first source
};

void finish_source(ImportedSource& source, const Origin& origin) {
  source.format = "survey";
  source.encoding = origin.encoding;
}

std::vector<ImportedSource> build_sources(const InputFile& file, const Table& sheet,
                                          const Layout& layout, Origin origin) {
  const std::string stem = file.path.stem().string();
  std::vector<ImportedSource> sources;
  std::vector<int> silent_rows;
  for (const TableRow& row : sheet.rows) {
    if (!has_answers(layout, row)) {
      silent_rows.push_back(row.line);
      continue;
    }
    TextBuilder builder(file.path);
    append_answers(builder, layout, row, {});
    ImportedSource source = builder.finish();
    finish_source(source, origin);
    const std::string id(trim_xml_whitespace(row.cells[layout.id_column]));
    source.title = stem + " \u2013 " + id;
    source.part = "respondent " + id;
    source.metadata = respondent_metadata(layout, row);
    sources.push_back(std::move(source));
  }
  if (sources.empty()) {
    throw_data(
        file.path.string() + ": no respondent answered any question (every answer cell is empty)",
        "check that the answer columns hold the answers, or mark them by adding ':answer' "
        "to their headers");
  }
  if (!silent_rows.empty()) {
    origin.notes.push_back(std::to_string(silent_rows.size()) +
                           (silent_rows.size() == 1 ? " respondent" : " respondents") +
                           " without any answer left out (" +
                           (silent_rows.size() == 1 ? "row " : "rows ") + rows_list(silent_rows) +
                           ")");
  }
  sources.front().notes = std::move(origin.notes);
  return sources;
}

// The whole survey as one source, for callers of import(): each respondent
// under a heading of their own.
ImportedSource build_single_source(const InputFile& file, const Table& sheet, const Layout& layout,
                                   const Origin& origin) {
  TextBuilder builder(file.path);
  for (const TableRow& row : sheet.rows) {
    if (!has_answers(layout, row)) continue;
    const std::string label =
        "respondent " + std::string(trim_xml_whitespace(row.cells[layout.id_column]));
    builder.begin_passage("heading");
    builder.append(label);
    builder.end_passage();
    append_answers(builder, layout, row, label);
  }
  ImportedSource source = builder.finish();
  finish_source(source, origin);
  source.title = file.path.stem().string();
  source.notes = origin.notes;
  return source;
}

// ---- reading CSV ------------------------------------------------------------

cases::csv::Limits csv_limits() {
  cases::csv::Limits limits;
  limits.max_fields = kMaxColumns;
  limits.max_field_bytes = kMaxCellBytes;
  return limits;
}

TableRow to_row(cases::csv::Record& record) {
  TableRow row;
  row.line = record.line;
  row.cells.reserve(record.fields.size());
  for (cases::csv::Field& field : record.fields) row.cells.push_back(std::move(field.value));
  return row;
}

// Reads records into `sheet` (header first). With `stop_at_error`, a parse
// error ends reading quietly and the rows read so far are kept: the sniff
// cuts the file at an arbitrary byte.
void read_csv_records(std::string_view text, const std::string& what, Table& sheet,
                      bool stop_at_error) {
  cases::csv::Reader reader(text, cases::csv::sniff_separator(text), what, csv_limits());
  cases::csv::Record record;
  bool have_header = false;
  for (;;) {
    try {
      if (!reader.next(record)) return;
    } catch (const Error&) {
      if (stop_at_error) return;
      throw;
    }
    TableRow row = to_row(record);
    if (!have_header) {
      sheet.header_line = row.line;
      sheet.header = std::move(row.cells);
      std::vector<std::string> names;
      for (std::size_t i = 0; i < sheet.header.size(); ++i) {
        names.push_back(parse_header_cell(sheet.header[i], i).name);
      }
      reader.name_columns(std::move(names));
      have_header = true;
    } else {
      sheet.rows.push_back(std::move(row));
    }
  }
}

std::string_view without_utf8_bom(std::string_view bytes) {
  return bytes.substr(0, 3) == "\xEF\xBB\xBF" ? bytes.substr(3) : bytes;
}

// ---- the sniff --------------------------------------------------------------

// The first line, as far as the first line break (a quoted header cell with
// a line break in it only shortens it, which is fine for this test).
std::string_view first_line(std::string_view text) {
  const std::size_t end = text.find_first_of("\r\n");
  return end == std::string_view::npos ? text : text.substr(0, end);
}

// Cheap first test on the header line alone: a separator, and an id column
// name or a role suffix somewhere in it.
bool header_line_names_roles(std::string_view line) {
  if (line.find_first_of(",;") == std::string_view::npos) return false;
  const std::string lower = ascii_lower(line);
  if (lower.find(":answer") != std::string::npos || lower.find(":attr") != std::string::npos ||
      lower.find(":id") != std::string::npos) {
    return true;
  }
  return lower.find("id") != std::string::npos || lower.find("respondent") != std::string::npos ||
         lower.find("participant") != std::string::npos ||
         lower.find("interviewee") != std::string::npos;
}

bool header_marks_survey(const std::vector<Column>& columns) {
  for (const Column& column : columns) {
    if (column.forced || is_id_name(column.name)) return true;
  }
  return false;
}

bool sniff_survey_csv(std::string_view bytes) {
  const bool truncated = bytes.size() > kSniffBytes;
  const std::string_view head = without_utf8_bom(bytes.substr(0, kSniffBytes));
  if (head.find('\0') != std::string_view::npos) return false;
  if (!header_line_names_roles(first_line(head))) return false;
  Table sheet;
  try {
    read_csv_records(head, "sniff", sheet, truncated);
  } catch (...) {
    return false;  // not CSV after all (a sniff never throws)
  }
  // A record cut by the end of the head is not evidence either way.
  if (truncated && !sheet.rows.empty()) sheet.rows.pop_back();
  if (sheet.header.size() < 2 || sheet.rows.empty()) return false;
  for (const TableRow& row : sheet.rows) {
    if (row.cells.size() != sheet.header.size()) return false;
  }
  const Layout layout = assign_roles(sheet);
  return header_marks_survey(layout.columns) && layout.has_answers();
}

bool sniff_survey(std::string_view bytes) {
  return looks_like_xlsx(bytes) || sniff_survey_csv(bytes);
}

// ---- the importer -----------------------------------------------------------

struct ParsedSurvey {
  Table sheet;
  Layout layout;
  Origin origin;
};

ParsedSurvey read_csv_survey(const InputFile& file) {
  CanonicalText canonical = decode_canonical(file);
  ParsedSurvey out;
  read_csv_records(canonical.text, file.path.string(), out.sheet, false);
  out.origin.encoding = std::move(canonical.encoding);
  // Line-ending notes concern positions in the file's own text, which a
  // survey's sources do not keep; encoding notes still matter.
  for (std::string& note : canonical.notes) {
    if (note.find("line endings") == std::string::npos) out.origin.notes.push_back(std::move(note));
  }
  if (out.sheet.header.empty()) throw_no_text(file.path);
  make_rectangular(file.path, out.sheet, false);
  return out;
}

// ---- reading XLSX -----------------------------------------------------------

bool all_blank(const std::vector<std::string>& cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](const std::string& cell) { return trim_xml_whitespace(cell).empty(); });
}

// The first worksheet, with blank rows skipped as in CSV; row numbers are
// the spreadsheet's. Cells are canonicalised here (a CSV is canonicalised as
// a whole before parsing), so ids and metadata are NFC with LF too.
ParsedSurvey read_xlsx_survey(const InputFile& file) {
  std::vector<std::vector<std::string>> rows = read_first_sheet(file.path, file.bytes);
  ParsedSurvey out;
  out.origin.encoding = "UTF-8";
  bool have_header = false;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (all_blank(rows[i])) continue;
    TableRow row;
    row.line = static_cast<int>(i + 1);
    row.cells.reserve(rows[i].size());
    for (const std::string& cell : rows[i]) row.cells.push_back(text::canonicalize(cell));
    if (!have_header) {
      out.sheet.header_line = row.line;
      out.sheet.header = std::move(row.cells);
      have_header = true;
    } else {
      out.sheet.rows.push_back(std::move(row));
    }
  }
  if (!have_header) {
    throw_data(file.path.string() + ": the first worksheet is empty",
               "put the survey on the workbook's first sheet: a header row, then one row per "
               "respondent");
  }
  make_rectangular(file.path, out.sheet, true);
  return out;
}

ParsedSurvey parse_survey(const InputFile& file) {
  ParsedSurvey survey =
      looks_like_xlsx(file.bytes) ? read_xlsx_survey(file) : read_csv_survey(file);
  if (survey.sheet.rows.empty()) {
    throw_data(file.path.string() + ": has a header (row " +
                   std::to_string(survey.sheet.header_line) + ") but no respondents",
               "export the survey with one row per respondent under the header row");
  }
  survey.layout = assign_roles(survey.sheet);
  check_column_names(file.path, survey.layout);
  if (!survey.layout.has_answers()) throw_no_answer_columns(file.path, survey.layout);
  check_ids(file.path, survey.sheet, survey.layout);
  return survey;
}

class SurveyImporter final : public Importer {
 public:
  ImportedSource import(const InputFile& file) const override {
    const ParsedSurvey survey = parse_survey(file);
    return build_single_source(file, survey.sheet, survey.layout, survey.origin);
  }

  std::vector<ImportedSource> import_all(const InputFile& file) const override {
    ParsedSurvey survey = parse_survey(file);
    return build_sources(file, survey.sheet, survey.layout, std::move(survey.origin));
  }
};

}  // namespace

bool sniff_survey_file(std::string_view bytes) {
  return sniff_survey(bytes);
}

std::unique_ptr<Importer> make_survey_importer() {
  return std::make_unique<SurveyImporter>();
}

}  // namespace casebook::importers
