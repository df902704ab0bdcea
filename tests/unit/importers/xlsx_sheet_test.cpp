// read_first_sheet: cells of an XLSX workbook's first sheet as strings, with
// workbooks built in memory.

#include "importers/xlsx_sheet.hpp"

#include <boost/test/unit_test.hpp>
#include <string>
#include <vector>

#include "importers/zip_fixtures.hpp"
#include "test_support.hpp"

using casebook::ErrorKind;
using casebook::importers::looks_like_xlsx;
using casebook::importers::read_first_sheet;
using casebook::importers::SheetLimits;
using casebook::importers::SheetRow;
using casebook::testing::contains;
using casebook::testing::expect_error;
using casebook::testing::make_zip;
using casebook::testing::ZipEntry;

namespace {

const std::string kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook whose sheets are "Second" (sheet2.xml) then "First"
// (sheet1.xml) in tab order, so the first sheet is found through the
// relationships, not by its part name.
std::string workbook(const std::string& first_sheet_data, const std::string& shared_strings) {
  const std::string workbook_xml =
      "<workbook xmlns=\"" + kMain + "\" xmlns:r=\"" + kRel +
      "\"><sheets><sheet name=\"Answers\" sheetId=\"2\" r:id=\"rId7\"/>"
      "<sheet name=\"Other\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  const std::string rels =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"" +
      kRel +
      "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId7\" Type=\"" +
      kRel +
      "/worksheet\" Target=\"/xl/worksheets/sheet2.xml\"/>"
      "<Relationship Id=\"rId9\" Type=\"" +
      kRel +
      "/sharedStrings\" Target=\"strings.xml\"/>"
      "</Relationships>";
  return make_zip({
      {"[Content_Types].xml", "<Types/>"},
      {"xl/workbook.xml", workbook_xml},
      {"xl/_rels/workbook.xml.rels", rels},
      {"xl/strings.xml", "<sst xmlns=\"" + kMain + "\">" + shared_strings + "</sst>"},
      {"xl/worksheets/sheet1.xml",
       "<worksheet xmlns=\"" + kMain +
           "\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
           "<is><t>wrong sheet</t></is></c></row></sheetData></worksheet>"},
      {"xl/worksheets/sheet2.xml", "<worksheet xmlns=\"" + kMain + "\"><sheetData>" +
                                       first_sheet_data + "</sheetData></worksheet>"},
  });
}

const std::string kStrings =
    "<si><t>Respondent</t></si>"
    "<si><r><rPr><b/></rPr><t>Rich </t></r><r><t xml:space=\"preserve\">text </t></r>"
    "<rPh><t>PHONETIC</t></rPh></si>"
    "<si><t xml:space=\"preserve\">  spaced  </t></si>";

}  // namespace

BOOST_AUTO_TEST_SUITE(xlsx_sheet)

BOOST_AUTO_TEST_CASE(reads_the_first_sheet_in_tab_order) {
  const std::string bytes = workbook(
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
      "<c r=\"C1\" t=\"s\"><v>2</v></c></row>"
      "<row r=\"2\"><c r=\"A2\"><v>3.5</v></c><c r=\"C2\" t=\"b\"><v>1</v></c>"
      "<c r=\"D2\" t=\"b\"><v>0</v></c><c r=\"E2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
      "<c r=\"F2\" t=\"str\"><f>A2*2</f><v>7</v></c><c r=\"G2\" t=\"e\"><v>#DIV/0!</v></c></row>"
      "<row r=\"4\"><c r=\"B4\"><v>1E-3</v></c><c r=\"C4\"/></row>",
      kStrings);
  BOOST_TEST(looks_like_xlsx(bytes));
  const std::vector<SheetRow> rows = read_first_sheet("survey.xlsx", bytes);
  BOOST_TEST_REQUIRE(rows.size() == 4u);
  BOOST_TEST(rows[0] == (SheetRow{"Respondent", "Rich text ", "  spaced  "}),
             boost::test_tools::per_element());
  BOOST_TEST(rows[1] == (SheetRow{"3.5", "", "TRUE", "FALSE", "inline", "7", "#DIV/0!"}),
             boost::test_tools::per_element());
  BOOST_TEST(rows[2].empty());  // row 3 is not in the file
  BOOST_TEST(rows[3] == (SheetRow{"", "1E-3"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(cells_without_references_follow_each_other) {
  const std::string bytes = workbook(
      "<row><c t=\"s\"><v>0</v></c><c><v>2</v></c></row><row><c><v>9</v></c></row>", kStrings);
  const std::vector<SheetRow> rows = read_first_sheet("survey.xlsx", bytes);
  BOOST_TEST_REQUIRE(rows.size() == 2u);
  BOOST_TEST(rows[0] == (SheetRow{"Respondent", "2"}), boost::test_tools::per_element());
  BOOST_TEST(rows[1] == (SheetRow{"9"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(refuses_a_missing_shared_string) {
  const std::string bytes =
      workbook("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>42</v></c></row>", kStrings);
  const auto e = expect_error(ErrorKind::Data, [&] { read_first_sheet("s.xlsx", bytes); });
  BOOST_TEST(contains(e.what(), "s.xlsx: a cell of the first worksheet (A1) refers to a shared"));
}

BOOST_AUTO_TEST_CASE(caps_rows_columns_and_cells) {
  SheetLimits limits;
  limits.max_rows = 10;
  limits.max_columns = 5;
  limits.max_cells = 12;
  auto e = expect_error(ErrorKind::Data, [&] {
    read_first_sheet("s.xlsx", workbook("<row r=\"11\"><c><v>1</v></c></row>", ""), limits);
  });
  BOOST_TEST(contains(e.what(), "s.xlsx: the first worksheet has more than 10 rows"));
  e = expect_error(ErrorKind::Data, [&] {
    read_first_sheet("s.xlsx", workbook("<row r=\"1\"><c r=\"F1\"><v>1</v></c></row>", ""), limits);
  });
  BOOST_TEST(contains(e.what(), "more than 5 columns"));
  // Excel's last column in every row would make 16384 cells of each: a few
  // bytes of XML must not become gigabytes of empty cells.
  std::string wide;
  for (int r = 1; r <= 700; ++r) wide += "<row><c r=\"XFD1\"><v>1</v></c></row>";
  e = expect_error(ErrorKind::Data, [&] { read_first_sheet("s.xlsx", workbook(wide, "")); });
  BOOST_TEST(contains(e.what(), "more than 10000000 cells"));
  std::string many;
  for (int r = 1; r <= 4; ++r) {
    many += "<row r=\"" + std::to_string(r) + "\"><c r=\"D" + std::to_string(r) +
            "\"><v>1</v></c></row>";
  }
  e = expect_error(ErrorKind::Data,
                   [&] { read_first_sheet("s.xlsx", workbook(many, ""), limits); });
  BOOST_TEST(contains(e.what(), "more than 12 cells"));
}

BOOST_AUTO_TEST_CASE(refuses_archives_that_are_not_workbooks) {
  const std::string docx = make_zip({{"word/document.xml", "<w:document/>"}});
  BOOST_TEST(!looks_like_xlsx(docx));
  BOOST_TEST(!looks_like_xlsx("a,b,c\n1,2,3\n"));
  auto e = expect_error(ErrorKind::Data, [&] { read_first_sheet("a.xlsx", docx); });
  BOOST_TEST(contains(e.what(), "a.xlsx: is a ZIP archive but not an Excel workbook"));
  const std::string broken = make_zip({{"xl/workbook.xml", "<workbook><sheets>"}});
  e = expect_error(ErrorKind::Data, [&] { read_first_sheet("b.xlsx", broken); });
  BOOST_TEST(contains(e.what(), "b.xlsx: the XML part xl/workbook.xml is not well-formed"));
  const std::string no_sheets = make_zip({{"xl/workbook.xml", "<workbook><sheets/></workbook>"}});
  e = expect_error(ErrorKind::Data, [&] { read_first_sheet("c.xlsx", no_sheets); });
  BOOST_TEST(contains(e.what(), "c.xlsx: the workbook lists no worksheets"));
}

BOOST_AUTO_TEST_CASE(refuses_deeply_nested_xml) {
  std::string deep;
  for (int i = 0; i < 1000; ++i) deep += "<x>";
  for (int i = 0; i < 1000; ++i) deep += "</x>";
  const std::string bytes = make_zip({{"xl/workbook.xml", "<workbook>" + deep + "</workbook>"}});
  const auto e = expect_error(ErrorKind::Data, [&] { read_first_sheet("deep.xlsx", bytes); });
  BOOST_TEST(contains(e.what(), "deep.xlsx: the XML part xl/workbook.xml nests more than"));
}

BOOST_AUTO_TEST_SUITE_END()
