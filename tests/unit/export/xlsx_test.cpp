// XLSX: the package (fixed dates, read back from a temporary directory
// that is removed), one sheet per table with valid unique names, frozen
// bold header, autofilter, numbers, and a title sheet for documents
// without tables.

#include <stdlib.h>

#include <algorithm>
#include <boost/test/unit_test.hpp>
#include <map>
#include <string>

#include "engine/export/writers.hpp"
#include "export_support.hpp"
#include "test_support.hpp"

namespace ex = casebook::exporting;
using casebook::testing::contains;
using casebook::testing::count_of;
using casebook::testing::unzip;

namespace {

ex::Table table(const std::string& id, const std::string& caption = "") {
  ex::Table t;
  t.id = id;
  t.caption = caption;
  t.columns = {
      {"Code", ex::Align::Left, 1}, {"Quote", ex::Align::Left, 4}, {"n", ex::Align::Right, 1}};
  t.rows = {{ex::Cell("a"),
             ex::Cell::of({casebook::testing::plain("q1"), casebook::testing::plain("q2")}),
             ex::Cell("3")},
            {ex::Cell("b"), ex::Cell("_x0041_ \x01"), ex::Cell("2.50")},
            {ex::Cell("c"), ex::Cell(""), ex::Cell("007")}};
  return t;
}

std::vector<std::string> sheet_names(const std::string& workbook_xml) {
  std::vector<std::string> names;
  for (std::size_t at = 0; (at = workbook_xml.find("<sheet name=\"", at)) != std::string::npos;) {
    at += 13;
    names.push_back(workbook_xml.substr(at, workbook_xml.find('"', at) - at));
  }
  return names;
}

// The <c> element of cell `ref` in a worksheet's XML.
std::string cell_xml(const std::string& sheet, const std::string& ref) {
  const std::size_t start = sheet.find("<c r=\"" + ref + "\"");
  if (start == std::string::npos) return "";
  const std::size_t end = sheet.find("</c>", start);
  const std::size_t empty_end = sheet.find("/>", start);
  return sheet.substr(start, std::min(end + 4, empty_end + 2) - start);
}

// Points TMPDIR at a directory of the test for its lifetime.
class TmpdirGuard {
 public:
  explicit TmpdirGuard(const std::filesystem::path& dir) {
    if (const char* old = std::getenv("TMPDIR")) saved_ = old;
    ::setenv("TMPDIR", dir.c_str(), 1);
  }
  ~TmpdirGuard() {
    if (saved_.empty()) {
      ::unsetenv("TMPDIR");
    } else {
      ::setenv("TMPDIR", saved_.c_str(), 1);
    }
  }
  TmpdirGuard(const TmpdirGuard&) = delete;
  TmpdirGuard& operator=(const TmpdirGuard&) = delete;

 private:
  std::string saved_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(export_xlsx)

BOOST_AUTO_TEST_CASE(the_package_has_fixed_dates_and_the_temporary_files_are_removed) {
  casebook::testing::TempDir tmp("export-xlsx");
  std::string bytes;
  {
    TmpdirGuard guard(tmp.path());
    bytes = ex::write_xlsx(casebook::testing::nasty_document(), {});
  }
  BOOST_TEST(casebook::testing::count_files(tmp.path()) == 0u);
  BOOST_TEST(std::filesystem::is_empty(tmp.path()));
  BOOST_TEST(bytes.rfind("PK\x03\x04", 0) == 0u);
  const auto headers = casebook::testing::zip_local_headers(bytes);
  BOOST_TEST(headers.size() >= 8u);
  for (const auto& entry : headers) {
    BOOST_TEST(entry.dos_date == 0x21, entry.name);  // 1980-01-01
    BOOST_TEST(entry.dos_time == 0, entry.name);
  }
  const auto parts = unzip(bytes);
  const std::string& core = parts.at("docProps/core.xml");
  BOOST_TEST(
      contains(
          core,
          "<dcterms:created xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:created>"),
      core);
  BOOST_TEST(contains(
      core,
      "<dcterms:modified xsi:type=\"dcterms:W3CDTF\">1980-01-01T00:00:00Z</dcterms:modified>"));
  BOOST_TEST(contains(core, "<dc:title>Title Specials"));
}

BOOST_AUTO_TEST_CASE(one_sheet_per_table_with_valid_unique_names) {
  ex::Document d;
  d.blocks.emplace_back(table("codes"));
  d.blocks.emplace_back(table("CODES"));  // same name ignoring case
  d.blocks.emplace_back(table("a/b\\c[d]:e*f?g 'quoted' and far too long for a sheet name"));
  d.blocks.emplace_back(table("", "From the caption"));
  d.blocks.emplace_back(table(""));                                         // neither: "Table N"
  d.blocks.emplace_back(table("history"));                                  // reserved by Excel
  d.blocks.emplace_back(table("\xF0\x9F\x98\x80" + std::string(40, 'x')));  // 2 UTF-16 units + x's
  const auto parts = unzip(ex::write_xlsx(d, {}));
  const std::vector<std::string> expected{
      "codes",   "CODES (2)",     "a-b-c-d--e-f-g 'quoted' and far",        "From the caption",
      "Table 5", "history sheet", "\xF0\x9F\x98\x80" + std::string(29, 'x')};
  BOOST_TEST(sheet_names(parts.at("xl/workbook.xml")) == expected,
             boost::test_tools::per_element());
  for (std::size_t i = 1; i <= expected.size(); ++i) {
    BOOST_TEST(parts.count("xl/worksheets/sheet" + std::to_string(i) + ".xml") == 1u);
  }
}

BOOST_AUTO_TEST_CASE(sheets_have_a_frozen_bold_header_autofilter_widths_and_numbers) {
  ex::Document d;
  ex::Table t = table("codes", "Caption of the table");
  t.notes = {"First note", "Second note"};
  d.blocks.emplace_back(t);
  const auto parts = unzip(ex::write_xlsx(d, {}));
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  BOOST_TEST(
      contains(
          sheet,
          "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"),
      sheet);
  BOOST_TEST(contains(sheet, "<autoFilter ref=\"A1:C4\"/>"));
  // Widths 1 : 4 : 1 of 100 characters (at least 8, and the header + 4).
  BOOST_TEST(contains(sheet, "<col min=\"1\" max=\"1\" width=\"17.7109375\" customWidth=\"1\"/>"),
             sheet);
  BOOST_TEST(contains(sheet, "<col min=\"2\" max=\"2\" width=\"67.7109375\" customWidth=\"1\"/>"));
  // "3" and "2.50" are numbers (with a 0.00 format for the latter); "007" stays text.
  BOOST_TEST(cell_xml(sheet, "C2").find(" t=\"s\"") == std::string::npos, cell_xml(sheet, "C2"));
  BOOST_TEST(contains(cell_xml(sheet, "C2"), "><v>3</v></c>"));
  BOOST_TEST(contains(cell_xml(sheet, "C3"), "><v>2.5</v></c>"));
  BOOST_TEST(contains(cell_xml(sheet, "C4"), " t=\"s\""));
  // A row of two paragraphs is two lines high.
  BOOST_TEST(contains(sheet, "<row r=\"2\" spans=\"1:3\" ht=\"30\" customHeight=\"1\">"), sheet);
  const std::string& styles = parts.at("xl/styles.xml");
  BOOST_TEST(contains(styles, "formatCode=\"0.00\""));
  BOOST_TEST(contains(styles, "<b/>"));
  BOOST_TEST(contains(styles, "wrapText=\"1\""));
  const std::string& strings = parts.at("xl/sharedStrings.xml");
  BOOST_TEST(contains(strings, "<t>q1\nq2</t>"), strings);
  BOOST_TEST(contains(strings, "_x005F_x0041_"));  // a literal "_x0041_", not "A"
  BOOST_TEST(!contains(strings, "_x0001_"));       // control characters dropped
  BOOST_TEST(contains(strings, "<t>007</t>"));
  // The caption and notes ride along as a comment on A1.
  const auto comments = std::find_if(parts.begin(), parts.end(), [](const auto& part) {
    return part.first.rfind("xl/comments", 0) == 0;
  });
  BOOST_TEST_REQUIRE((comments != parts.end()));
  BOOST_TEST(contains(comments->second, "Caption of the table\n\nFirst note\n\nSecond note"));
  BOOST_TEST(contains(comments->second, "ref=\"A1\""));
}

BOOST_AUTO_TEST_CASE(landscape_sets_the_print_orientation) {
  ex::Document d;
  d.blocks.emplace_back(table("codes"));
  ex::WriteOptions landscape;
  landscape.landscape = true;
  BOOST_TEST(contains(unzip(ex::write_xlsx(d, landscape)).at("xl/worksheets/sheet1.xml"),
                      "orientation=\"landscape\""));
  BOOST_TEST(!contains(unzip(ex::write_xlsx(d, {})).at("xl/worksheets/sheet1.xml"),
                       "orientation=\"landscape\""));
}

BOOST_AUTO_TEST_CASE(a_document_without_tables_gets_one_sheet_with_its_text) {
  ex::Document d;
  d.title = "Only text: a/b";
  d.blocks.emplace_back(ex::Heading{1, "A heading"});
  d.blocks.emplace_back(casebook::testing::plain("A paragraph."));
  const auto parts = unzip(ex::write_xlsx(d, {}));
  BOOST_TEST(sheet_names(parts.at("xl/workbook.xml")) == std::vector<std::string>{"Only text- a-b"},
             boost::test_tools::per_element());
  const std::string& strings = parts.at("xl/sharedStrings.xml");
  BOOST_TEST(contains(strings, "<t>Only text: a/b</t>"));
  BOOST_TEST(contains(strings, "<t>A heading</t>"));
  BOOST_TEST(contains(strings, "<t>A paragraph.</t>"));
  BOOST_TEST(sheet_names(unzip(ex::write_xlsx(ex::Document{}, {})).at("xl/workbook.xml")) ==
                 std::vector<std::string>{"Document"},
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(overlong_cells_are_cut_where_excel_stops_and_marked) {
  ex::Document d;
  ex::Table t;
  t.columns = {{"text"}};
  t.rows = {{ex::Cell(std::string(40000, 'a'))}};
  d.blocks.emplace_back(t);
  const std::string strings = unzip(ex::write_xlsx(d, {})).at("xl/sharedStrings.xml");
  BOOST_TEST(contains(strings, std::string(32763, 'a') + " [\xE2\x80\xA6]</t>"));
  BOOST_TEST(!contains(strings, std::string(32764, 'a')));
}

BOOST_AUTO_TEST_CASE(tables_larger_than_a_sheet_are_refused_with_advice) {
  ex::Document d;
  ex::Table wide;
  wide.id = "matrix";
  wide.columns.resize(16385);
  d.blocks.emplace_back(wide);
  const auto e =
      casebook::testing::expect_error(casebook::ErrorKind::Data, [&] { ex::write_xlsx(d, {}); });
  BOOST_TEST(contains(e.what(), "table 'matrix' has 0 rows and 16385 columns"), e.what());
  BOOST_TEST(contains(e.hint(), "CSV"));
}

BOOST_AUTO_TEST_SUITE_END()
