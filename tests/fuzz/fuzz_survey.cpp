// Surveys (importers/survey.cpp): a CSV with an id column and answer columns,
// one source per respondent, through the shared CSV reader; input in entry
// format (fuzz_support.hpp) or a ZIP is an XLSX workbook instead (the first
// sheet through importers/xlsx_sheet.cpp; a bare part is the worksheet).

#include "importers/xlsx_sheet.hpp"
#include "tests/fuzz/fuzz_support.hpp"

using namespace casebook;

namespace {

const std::string kWorkbook =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"Answers\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes = fuzz::as_view(data, size);
  (void)importers::format_named("survey").sniff(bytes);
  const bool workbook = fuzz::starts_like_zip(bytes) || bytes.find('\0') != std::string_view::npos;
  if (!workbook) {
    fuzz::import_as("survey", bytes, "fuzz.csv");
    return 0;
  }
  const auto package = fuzz::package_input(bytes, "xl/worksheets/sheet1.xml",
                                           {{"xl/workbook.xml", kWorkbook, true}});
  if (!package) return 0;
  fuzz::expect_errors([&] { (void)importers::read_first_sheet("fuzz.xlsx", *package); });
  fuzz::import_as("survey", *package, "fuzz.xlsx");
  return 0;
}
