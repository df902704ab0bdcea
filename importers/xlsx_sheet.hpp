#pragma once
// Private to importers/: the cells of an Excel workbook's first worksheet as
// strings, for importers of tabular data (surveys). Only what a reader sees
// in the cells is returned: shared and inline strings (rich-text runs joined),
// numbers as written in the file, booleans as TRUE/FALSE, formulas as their
// cached result. Styles, formats and dates are not interpreted (a date is the
// serial number Excel stores).
//
//   if (looks_like_xlsx(file.bytes)) {
//     auto rows = read_first_sheet(file.path, file.bytes);
//   }

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace casebook::importers {

using SheetRow = std::vector<std::string>;

// Caps that keep a hostile workbook from exhausting memory: a cell reference
// like "XFD1048576" would otherwise make a few bytes of XML into billions of
// empty cells.
struct SheetLimits {
  std::size_t max_rows = 1048576;    // Excel's own limit
  std::size_t max_columns = 16384;   // Excel's own limit (XFD)
  std::size_t max_cells = 10000000;  // cells returned, empty ones included
};

// The rows of the first worksheet (in workbook order), from row 1: a row or
// column missing from the file (skipped in its cell references) is returned
// empty, trailing empty cells of a row are not. Throws casebook::Error(Data)
// naming `path` when the bytes are not a readable XLSX workbook or break a
// limit.
std::vector<SheetRow> read_first_sheet(const std::filesystem::path& path, std::string_view bytes,
                                       const SheetLimits& limits = {});

// Cheap and never throws: true when `bytes` is a ZIP holding xl/workbook.xml.
bool looks_like_xlsx(std::string_view bytes) noexcept;

}  // namespace casebook::importers
