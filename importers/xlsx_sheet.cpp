// The first worksheet of an XLSX workbook as rows of strings. The workbook
// part lists the sheets in tab order and names each one's part through its
// relationships; cells refer to the shared-string table by index, so it is
// read first.

#include "importers/xlsx_sheet.hpp"

#include <optional>
#include <string>

#include "engine/core/error.hpp"
#include "importers/office_package.hpp"

namespace casebook::importers {
namespace {

constexpr std::string_view kWorkbookPart = "xl/workbook.xml";

constexpr const char* kResaveHint =
    "open the workbook in Excel or LibreOffice, save it again as .xlsx (or export the sheet "
    "as CSV) and import the saved copy";

// Every text node below `node` except phonetic guides (rPh, for East Asian
// readings), which are not part of what the cell shows.
void append_string_item(const pugi::xml_node& node, std::string& out) {
  for (const pugi::xml_node& child : node.children()) {
    const std::string_view name = local_name(child);
    if (name == "t") {
      out += child.child_value();
    } else if (name == "r") {
      append_string_item(child, out);
    }
  }
}

std::string string_item_text(const pugi::xml_node& node) {
  std::string out;
  append_string_item(node, out);
  return out;
}

std::vector<std::string> read_shared_strings(ZipArchive& zip, const std::string& part) {
  const auto xml = zip.read_if_present(part);
  if (!xml) return {};
  pugi::xml_document doc;
  parse_xml_part(doc, zip.path(), part, *xml, pugi::parse_default | pugi::parse_ws_pcdata);
  std::vector<std::string> out;
  for (const pugi::xml_node& si : doc.document_element().children()) {
    if (local_name(si) == "si") out.push_back(string_item_text(si));
  }
  return out;
}

struct WorkbookParts {
  std::string first_sheet;
  std::string shared_strings;
};

std::string first_sheet_relationship_id(ZipArchive& zip) {
  pugi::xml_document doc;
  parse_xml_part(doc, zip.path(), kWorkbookPart, zip.read(kWorkbookPart));
  for (const pugi::xml_node& child : doc.document_element().children()) {
    if (local_name(child) != "sheets") continue;
    for (const pugi::xml_node& sheet : child.children()) {
      if (local_name(sheet) != "sheet") continue;
      for (const pugi::xml_attribute& attr : sheet.attributes()) {
        const std::string_view name = attr.name();
        if (name.size() > 3 && name.substr(name.size() - 3) == ":id") return attr.value();
      }
    }
  }
  throw_data(zip.path().string() + ": the workbook lists no worksheets", kResaveHint);
}

WorkbookParts find_parts(ZipArchive& zip) {
  const std::string sheet_id = first_sheet_relationship_id(zip);
  WorkbookParts parts;
  parts.shared_strings = "xl/sharedStrings.xml";
  for (const PackageRelationship& rel : read_relationships(zip, kWorkbookPart)) {
    if (rel.id == sheet_id && !rel.external) parts.first_sheet = rel.target;
    if (relationship_is(rel, "sharedStrings") && !rel.external) parts.shared_strings = rel.target;
  }
  // Packages without relationships are broken, but the conventional name
  // is almost always right.
  if (parts.first_sheet.empty()) parts.first_sheet = "xl/worksheets/sheet1.xml";
  return parts;
}

// "BC12" -> column 54 (0-based 54), or nullopt when `ref` has no letters.
std::optional<std::size_t> column_of(std::string_view ref, std::size_t max_columns) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (const char c : ref) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    if (++letters > 4 || column > max_columns) return max_columns + 1;  // reported by caller
  }
  if (letters == 0) return std::nullopt;
  return column - 1;
}

std::optional<std::size_t> positive_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  std::size_t n = 0;
  for (const char c : digits) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::size_t>(c - '0');
  }
  return n == 0 ? std::nullopt : std::optional<std::size_t>(n);
}

class SheetReader {
 public:
  SheetReader(const std::filesystem::path& path, const std::vector<std::string>& shared,
              const SheetLimits& limits)
      : path_(path), shared_(shared), limits_(limits) {}

  std::vector<SheetRow> read(const pugi::xml_node& worksheet) {
    for (const pugi::xml_node& child : worksheet.children()) {
      if (local_name(child) != "sheetData") continue;
      for (const pugi::xml_node& row : child.children()) {
        if (local_name(row) == "row") read_row(row);
      }
    }
    return std::move(rows_);
  }

 private:
  [[noreturn]] void too_big(const std::string& what) const {
    throw_data(path_.string() + ": the first worksheet has more than " + what, kResaveHint);
  }

  void read_row(const pugi::xml_node& row) {
    const auto number = positive_number(row.attribute("r").value());
    const std::size_t index = number ? *number - 1 : rows_.size();
    if (index >= limits_.max_rows) too_big(std::to_string(limits_.max_rows) + " rows");
    if (index >= rows_.size()) rows_.resize(index + 1);  // missing rows read as empty
    std::size_t next_column = 0;
    for (const pugi::xml_node& cell : row.children()) {
      if (local_name(cell) != "c") continue;
      const auto column = column_of(cell.attribute("r").value(), limits_.max_columns);
      const std::size_t at = column ? *column : next_column;
      if (at >= limits_.max_columns) too_big(std::to_string(limits_.max_columns) + " columns");
      set_cell(rows_[index], at, cell_text(cell));
      next_column = at + 1;
    }
  }

  void set_cell(SheetRow& row, std::size_t column, std::string text) {
    if (text.empty() && column >= row.size()) return;  // trailing empty cells are not kept
    if (column >= row.size()) {
      cells_ += column + 1 - row.size();
      if (cells_ > limits_.max_cells) too_big(std::to_string(limits_.max_cells) + " cells");
      row.resize(column + 1);
    }
    row[column] = std::move(text);
  }

  std::string cell_text(const pugi::xml_node& cell) const {
    const std::string_view type = cell.attribute("t").value();
    if (type == "inlineStr") {
      for (const pugi::xml_node& child : cell.children()) {
        if (local_name(child) == "is") return string_item_text(child);
      }
      return {};
    }
    std::string value;
    for (const pugi::xml_node& child : cell.children()) {
      if (local_name(child) == "v") value = child.child_value();
    }
    if (type == "s") {
      const auto index = positive_number(value);  // 0 is a valid index: handle below
      if (value == "0") return shared_.empty() ? std::string() : shared_[0];
      if (!index || *index >= shared_.size()) {
        throw_data(path_.string() + ": a cell of the first worksheet (" +
                       std::string(cell.attribute("r").value()) +
                       ") refers to a shared string that does not exist",
                   kResaveHint);
      }
      return shared_[*index];
    }
    if (type == "b") return value == "1" ? "TRUE" : value.empty() ? "" : "FALSE";
    return value;  // numbers as written, formula results, error codes
  }

  const std::filesystem::path& path_;
  const std::vector<std::string>& shared_;
  const SheetLimits& limits_;
  std::vector<SheetRow> rows_;
  std::size_t cells_ = 0;
};

}  // namespace

std::vector<SheetRow> read_first_sheet(const std::filesystem::path& path, std::string_view bytes,
                                       const SheetLimits& limits) {
  ZipArchive zip(path, bytes);
  if (!zip.contains(kWorkbookPart)) {
    throw_data(path.string() + ": is a ZIP archive but not an Excel workbook (no " +
                   std::string(kWorkbookPart) + ")",
               kResaveHint);
  }
  const WorkbookParts parts = find_parts(zip);
  const std::vector<std::string> shared = read_shared_strings(zip, parts.shared_strings);
  pugi::xml_document sheet;
  parse_xml_part(sheet, path, parts.first_sheet, zip.read(parts.first_sheet),
                 pugi::parse_default | pugi::parse_ws_pcdata);
  return SheetReader(path, shared, limits).read(sheet.document_element());
}

bool looks_like_xlsx(std::string_view bytes) noexcept {
  for (const std::string& name : zip_entry_names(bytes)) {
    if (name == kWorkbookPart) return true;
  }
  return false;
}

}  // namespace casebook::importers
